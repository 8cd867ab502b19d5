package dev.faultline.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The statements that write experiments' and GameDays' runbooks, runs and their events, for {@link FaultlineStore} (which
 * holds the lock, names the work in its errors and announces changes to followers).
 */
final class RunWrites {
    private RunWrites() {}

    /** A runbook's row (an experiment's or a GameDay's): its id, and whether this call inserted it. */
    record SavedRunbook(long id, boolean inserted) {}

    /**
     * The id of the runbook stored in {@code table} ({@code experiment} or {@code gameday}) with the
     * same name and text, or of a new row for it.
     */
    static SavedRunbook saveRunbook(
            Connection c, String table, String name, String title, String runbookText, String sha256)
            throws SQLException {
        if (!table.equals("experiment") && !table.equals("gameday")) {
            throw new IllegalArgumentException("not a table of runbooks: " + table);
        }
        try (PreparedStatement find =
                c.prepareStatement("SELECT id FROM " + table + " WHERE name = ? AND sha256 = ?")) {
            find.setString(1, name);
            find.setString(2, sha256);
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    return new SavedRunbook(rs.getLong(1), false);
                }
            }
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO " + table + " (name, title, sha256, runbook, first_seen) VALUES (?, ?, ?, ?, ?)",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            ins.setString(1, name);
            ins.setString(2, FaultlineStore.clip(title, 512));
            ins.setString(3, sha256);
            ins.setString(4, runbookText);
            ins.setObject(5, FaultlineStore.time(Instant.now()));
            ins.executeUpdate();
            try (ResultSet keys = ins.getGeneratedKeys()) {
                keys.next();
                return new SavedRunbook(keys.getLong(1), true);
            }
        }
    }

    /** A run started by this process on this machine. */
    static void create(Connection c, RunRecord run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run (id, experiment_id, environment,"
                + " status, started_at, owner_pid, owner_host) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, run.id());
            ps.setLong(2, run.experimentId());
            ps.setString(3, run.environment());
            ps.setString(4, run.status());
            ps.setObject(5, FaultlineStore.time(run.startedAt()));
            ps.setLong(6, ProcessHandle.current().pid());
            ps.setString(7, ThisMachine.name());
            ps.executeUpdate();
        }
    }

    /** The run's end: no process owns it any more. */
    static void finish(Connection c, String runId, String status, Instant endedAt, String summary, String resultJson)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE run SET status = ?, ended_at = ?,"
                + " owner_pid = NULL, summary = ?, result_json = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setObject(2, FaultlineStore.time(endedAt));
            ps.setString(3, FaultlineStore.clip(summary, 4000));
            ps.setString(4, resultJson);
            ps.setString(5, runId);
            ps.executeUpdate();
        }
    }

    /** Takes the run's heartbeat away: nobody runs it any more. */
    static void endHeartbeat(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM run_heartbeat WHERE run_id = ?")) {
            ps.setString(1, runId);
            ps.executeUpdate();
        }
    }

    static void appendEvent(Connection c, String runId, long seq, Instant at, String type, String text)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO run_event (run_id, seq, at, type, text) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, runId);
            ps.setLong(2, seq);
            ps.setObject(3, FaultlineStore.time(at));
            ps.setString(4, type);
            ps.setString(5, FaultlineStore.clip(text, 4000));
            ps.executeUpdate();
        }
    }
}
