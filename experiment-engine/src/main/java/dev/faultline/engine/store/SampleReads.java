package dev.faultline.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;

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

    /**
     * Several runs' series (a GameDay's), by run id in the order given. With two or more, the second
     * half is read at the same time on a connection of its own, on a thread of its own (another
     * core's work: a four-hour GameDay's 576,000 samples took a fifth of its report's time on one).
     * The store's samples are flushed before.
     */
    static Map<String, List<SampleSeries>> series(FaultlineStore store, List<String> runIds) throws StoreException {
        List<String> first = runIds.subList(0, (runIds.size() + 1) / 2);
        List<String> second = runIds.subList(first.size(), runIds.size());
        Map<String, List<SampleSeries>> read = new HashMap<>();
        if (second.isEmpty()) {
            read.putAll(seriesOn(store, null, first));
        } else {
            Connection other = store.newConnection();
            try {
                FutureTask<Map<String, List<SampleSeries>>> task =
                        new FutureTask<>(() -> seriesOn(store, other, second));
                Thread.ofPlatform().name("faultline-series-read").daemon(true).start(task);
                read.putAll(seriesOn(store, null, first));
                read.putAll(join(task));
            } finally {
                try {
                    other.close();
                } catch (SQLException e) {
                    // this read's own connection: nothing left to release
                }
            }
        }
        Map<String, List<SampleSeries>> out = new LinkedHashMap<>();
        for (String runId : runIds) {
            out.put(runId, read.getOrDefault(runId, List.of()));
        }
        return out;
    }

    /** On {@code own}, or on the store's connection (under its lock) when null. */
    private static Map<String, List<SampleSeries>> seriesOn(
            FaultlineStore store, @Nullable Connection own, List<String> runIds) throws StoreException {
        Map<String, List<SampleSeries>> out = new HashMap<>();
        for (String runId : runIds) {
            if (own != null) {
                out.put(runId, store.sql("read samples of " + runId, () -> series(own, runId)));
            } else {
                synchronized (store) {
                    out.put(runId, store.sql("read samples of " + runId, () -> series(store.connection(), runId)));
                }
            }
        }
        return out;
    }

    private static Map<String, List<SampleSeries>> join(FutureTask<Map<String, List<SampleSeries>>> task)
            throws StoreException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while reading a GameDay's samples", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case StoreException se -> throw se;
                case RuntimeException re -> throw re;
                case Error err -> throw err;
                case null, default -> throw new IllegalStateException(e.getCause());
            }
        }
    }
}
