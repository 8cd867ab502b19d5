package dev.faultline.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reads of a run's probe samples, for {@link FaultlineStore}: it holds the lock and flushes first. */
final class SampleReads {
    private SampleReads() {}

    /** A run's samples in time order. */
    static List<SampleRecord> samples(Connection connection, String runId) throws SQLException {
        List<SampleRecord> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT probe, phase, at, val, error, within"
                + " FROM probe_sample WHERE run_id = ? ORDER BY at, probe")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double v = rs.getDouble(4);
                    if (rs.wasNull()) {
                        v = Double.NaN;
                    }
                    out.add(new SampleRecord(
                            runId,
                            rs.getString(1),
                            rs.getString(2),
                            FaultlineStore.instant(rs, 3),
                            v,
                            rs.getString(5),
                            rs.getBoolean(6)));
                }
            }
        }
        return out;
    }

    /** A run's samples as one time series per probe, the probes in the order of their first sample. */
    static List<SampleSeries> series(Connection connection, String runId) throws SQLException {
        Map<String, SampleSeries.Builder> byProbe = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(FaultlineStore.SERIES_QUERY)) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long at = FaultlineStore.instant(rs, 1).toEpochMilli();
                    String probe = rs.getString(2);
                    double v = rs.getDouble(3);
                    if (rs.wasNull()) {
                        v = Double.NaN;
                    }
                    byProbe.computeIfAbsent(probe, SampleSeries.Builder::new).add(at, v);
                }
            }
        }
        List<SampleSeries> out = new ArrayList<>(byProbe.size());
        byProbe.values().forEach(b -> out.add(b.build()));
        return out;
    }
}
