package dev.faultline.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The queries that read runs and their events, for {@link FaultlineStore} (which holds the lock and names the work in
 * its errors) and for a follower's own connection.
 */
final class RunReads {
    private static final String RUN_COLUMNS = "SELECT r.id, r.experiment_id, e.name, r.environment, r.status,"
            + " r.started_at, r.ended_at, r.summary FROM run r JOIN experiment e ON e.id = r.experiment_id ";

    private RunReads() {}

    /** The run {@code id}, if stored. */
    static Optional<RunRecord> find(Connection c, String id) throws SQLException {
        return runs(c, RUN_COLUMNS + "WHERE r.id = ?", id).stream().findFirst();
    }

    /** The {@code limit} latest runs (at least one), the newest first. */
    static List<RunRecord> recent(Connection c, int limit) throws SQLException {
        return runs(c, RUN_COLUMNS + "ORDER BY r.started_at DESC LIMIT " + Math.max(1, limit));
    }

    /** The runs still marked RUNNING, the oldest first. */
    static List<RunRecord> stillMarkedRunning(Connection c) throws SQLException {
        return runs(c, RUN_COLUMNS + "WHERE r.status = 'RUNNING' ORDER BY r.started_at");
    }

    /**
     * The ids of runs marked RUNNING whose process is gone; on a {@code shared} store only this
     * machine's runs (another desktop's pid means nothing here).
     */
    static List<String> ofDeadProcesses(Connection c, boolean shared) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT id, owner_pid, owner_host FROM run WHERE status = 'RUNNING'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String host = rs.getString(3);
                if (shared && host != null && !host.equals(ThisMachine.name())) {
                    continue;
                }
                long pid = rs.getLong(2);
                if (rs.wasNull()
                        || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    /** The run's result as JSON, if it has one. */
    static Optional<String> resultJson(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT result_json FROM run WHERE id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The run's events in the order they happened. */
    static List<EventRecord> events(Connection c, String runId) throws SQLException {
        List<EventRecord> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT seq, at, type, text FROM run_event WHERE run_id = ? ORDER BY seq")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EventRecord(
                            runId, rs.getLong(1), FaultlineStore.instant(rs, 2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    private static List<RunRecord> runs(Connection c, String query, String... args) throws SQLException {
        List<RunRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RunRecord(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            FaultlineStore.instant(rs, 6),
                            FaultlineStore.nullableInstant(rs, 7),
                            rs.getString(8)));
                }
            }
        }
        return out;
    }
}
