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

    /** A run started by process {@code pid} on {@code host}, unless it is there already; true when created here. */
    static boolean createOnce(Connection c, RunRecord run, long pid, String host) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run (id, experiment_id, environment, status,"
                + " started_at, owner_pid, owner_host) SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM run WHERE id = ?)")) {
            ps.setString(1, run.id());
            ps.setLong(2, run.experimentId());
            ps.setString(3, run.environment());
            ps.setString(4, run.status());
            ps.setObject(5, FaultlineStore.time(run.startedAt()));
            ps.setLong(6, pid);
            ps.setString(7, host);
            ps.setString(8, run.id());
            return ps.executeUpdate() == 1;
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

    /**
     * One event of the run at {@code seq}. Written again after a lost connection (or replayed from the
     * home after a crash) it is not doubled: the same event already at {@code seq} is left as it is;
     * a different one there (written by another desktop meanwhile: a revert, the runner-lost mark)
     * keeps its place and this one goes after the last.
     */
    static void appendEvent(Connection c, String runId, long seq, Instant at, String type, String text)
            throws SQLException {
        String clipped = FaultlineStore.clip(text, 4000);
        if (insertIfFree(c, runId, seq, at, type, clipped)) {
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement("SELECT type, text FROM run_event WHERE run_id = ? AND seq = ?")) {
            ps.setString(1, runId);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1).equals(type) && rs.getString(2).equals(clipped)) {
                    return; // in already
                }
            }
        }
        appendEventAfterLast(c, runId, at, type, clipped);
    }

    /** An event after the run's last one (written by a desktop other than the runner's). */
    static void appendEventAfterLast(Connection c, String runId, Instant at, String type, String text)
            throws SQLException {
        for (int attempt = 0; ; attempt++) {
            long next;
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM run_event WHERE run_id = ?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    next = rs.getLong(1);
                }
            }
            if (insertIfFree(c, runId, next, at, type, FaultlineStore.clip(text, 4000)) || attempt == 4) {
                return;
            }
        }
    }

    /** Inserts the event at {@code seq}; false when that place is taken (and nothing was written). */
    private static boolean insertIfFree(Connection c, String runId, long seq, Instant at, String type, String text)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_event (run_id, seq, at, type, text)"
                + " SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM run_event WHERE run_id = ? AND seq = ?)")) {
            ps.setString(1, runId);
            ps.setLong(2, seq);
            ps.setObject(3, FaultlineStore.time(at));
            ps.setString(4, type);
            ps.setString(5, text);
            ps.setString(6, runId);
            ps.setLong(7, seq);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false; // taken between the check and the insert
            }
            throw e;
        }
    }
}
