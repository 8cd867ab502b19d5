package dev.faultline.engine.store;

import static dev.faultline.engine.store.FaultlineStore.instant;
import static dev.faultline.engine.store.FaultlineStore.nullableInstant;
import static dev.faultline.engine.store.FaultlineStore.time;

import dev.faultline.engine.schedule.CronTimes;
import dev.faultline.engine.schedule.Days;
import dev.faultline.engine.schedule.MissedRun;
import dev.faultline.engine.schedule.Schedule;
import dev.faultline.engine.schedule.ScheduleBook;
import dev.faultline.engine.schedule.ScheduleDecision;
import dev.faultline.engine.schedule.ScheduleEntry;
import dev.faultline.engine.schedule.ScheduleState;
import dev.faultline.engine.schedule.TimeWindow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Schedules, their state and their decisions (migration V7). */
public final class ScheduleStore implements ScheduleBook {
    private static final String COLUMNS = "SELECT name, runbook, cron, time_zone, environment, window_from, window_to,"
            + " skip_days, missed, created_at, paused, last_fire, version, last_decision, last_run_id, last_outcome,"
            + " last_result_at FROM schedule ";

    private final FaultlineStore store;

    ScheduleStore(FaultlineStore store) {
        this.store = store;
    }

    /** Adds a schedule; false when one of that name exists (nothing changed). */
    public boolean add(Schedule s) throws StoreException {
        synchronized (store) {
            return store.sql("add schedule " + s.name(), () -> {
                Connection c = store.connection();
                if (find(c, s.name()).isPresent()) {
                    return false;
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO schedule (name, runbook, cron, time_zone,"
                        + " environment, window_from, window_to, skip_days, missed, paused, created_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, 0)")) {
                    TimeWindow w = s.window();
                    ps.setString(1, s.name());
                    ps.setString(2, s.runbook());
                    ps.setString(3, s.cron().expression());
                    ps.setString(4, s.zone().getId());
                    ps.setString(5, s.environment());
                    ps.setString(6, w == null ? null : w.from().toString());
                    ps.setString(7, w == null ? null : w.to().toString());
                    ps.setString(8, Days.format(s.skipDays()));
                    ps.setString(9, s.missed().label());
                    ps.setObject(10, time(s.created()));
                    ps.executeUpdate();
                }
                return true;
            });
        }
    }

    /** Removes a schedule and its decisions; false when there is none of that name. */
    public boolean remove(String name) throws StoreException {
        synchronized (store) {
            return store.sql("remove schedule " + name, () -> {
                Connection c = store.connection();
                try (PreparedStatement d = c.prepareStatement("DELETE FROM schedule_decision WHERE schedule = ?")) {
                    d.setString(1, name);
                    d.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM schedule WHERE name = ?")) {
                    ps.setString(1, name);
                    return ps.executeUpdate() == 1;
                }
            });
        }
    }

    /**
     * Pauses or resumes a schedule; false when there is none of that name. A resumed schedule starts
     * from {@code now}: the times that passed while it was paused are neither missed nor caught up.
     */
    public boolean setPaused(String name, boolean paused, Instant now) throws StoreException {
        synchronized (store) {
            return store.sql((paused ? "pause" : "resume") + " schedule " + name, () -> {
                String sql = paused
                        ? "UPDATE schedule SET paused = TRUE, version = version + 1 WHERE name = ?"
                        : "UPDATE schedule SET paused = FALSE, version = version + 1,"
                                + " last_fire = CASE WHEN last_fire IS NULL OR last_fire < ? THEN ? ELSE last_fire END"
                                + " WHERE name = ?";
                try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
                    if (paused) {
                        ps.setString(1, name);
                    } else {
                        ps.setObject(1, time(now));
                        ps.setObject(2, time(now));
                        ps.setString(3, name);
                    }
                    return ps.executeUpdate() == 1;
                }
            });
        }
    }

    public Optional<ScheduleEntry> find(String name) throws StoreException {
        synchronized (store) {
            return store.sql("read schedule " + name, () -> find(store.connection(), name));
        }
    }

    @Override
    public List<ScheduleEntry> entries() throws StoreException {
        synchronized (store) {
            return store.sql("read the schedules", () -> {
                List<ScheduleEntry> out = new ArrayList<>();
                try (PreparedStatement ps = store.connection().prepareStatement(COLUMNS + "ORDER BY name");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                }
                return out;
            });
        }
    }

    @Override
    public boolean decide(String schedule, long version, Instant fire, ScheduleDecision d) throws StoreException {
        synchronized (store) {
            return store.sql("record a decision of schedule " + schedule, () -> {
                Connection c = store.connection();
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE schedule SET last_fire = ?, version = version + 1,"
                                + " last_decision = ? WHERE name = ? AND version = ?")) {
                    ps.setObject(1, time(fire));
                    ps.setString(2, FaultlineStore.clip(d.line(), 1000));
                    ps.setString(3, schedule);
                    ps.setLong(4, version);
                    if (ps.executeUpdate() != 1) {
                        return false;
                    }
                }
                insert(c, d);
                return true;
            });
        }
    }

    @Override
    public void started(String schedule, String runId) throws StoreException {
        synchronized (store) {
            store.execute("record the run of schedule " + schedule, () -> {
                try (PreparedStatement ps = store.connection()
                        .prepareStatement("UPDATE schedule SET last_run_id = ?, last_outcome = 'RUNNING',"
                                + " last_result_at = NULL WHERE name = ?")) {
                    ps.setString(1, runId);
                    ps.setString(2, schedule);
                    ps.executeUpdate();
                }
            });
        }
    }

    @Override
    public void finished(String schedule, @Nullable String runId, String outcome, ScheduleDecision d)
            throws StoreException {
        synchronized (store) {
            store.execute("record the result of schedule " + schedule, () -> {
                Connection c = store.connection();
                try (PreparedStatement ps = c.prepareStatement("UPDATE schedule SET last_run_id = ?, last_outcome = ?,"
                        + " last_result_at = ?, last_decision = ? WHERE name = ?")) {
                    ps.setString(1, runId);
                    ps.setString(2, FaultlineStore.clip(outcome, 16));
                    ps.setObject(3, time(d.at()));
                    ps.setString(4, FaultlineStore.clip(d.line(), 1000));
                    ps.setString(5, schedule);
                    ps.executeUpdate();
                }
                insert(c, d);
            });
        }
    }

    /** The schedule's decisions, newest first, at most {@code limit}. */
    public List<ScheduleDecision> decisions(String schedule, int limit) throws StoreException {
        synchronized (store) {
            return store.sql("read the decisions of schedule " + schedule, () -> {
                List<ScheduleDecision> out = new ArrayList<>();
                try (PreparedStatement ps = store.connection()
                        .prepareStatement(
                                "SELECT schedule, kind, due, decided_at, run_id, detail FROM schedule_decision"
                                        + " WHERE schedule = ? ORDER BY id DESC")) {
                    ps.setString(1, schedule);
                    ps.setMaxRows(limit);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new ScheduleDecision(
                                    rs.getString(1),
                                    ScheduleDecision.Kind.valueOf(rs.getString(2)),
                                    instant(rs, 3),
                                    instant(rs, 4),
                                    rs.getString(5),
                                    rs.getString(6)));
                        }
                    }
                }
                return out;
            });
        }
    }

    /**
     * What is in progress now in any Faultline of this database: runs marked RUNNING whose process is
     * alive, and GameDays marked RUNNING one of whose runs' process is alive (a day between two
     * experiments). A run whose process is gone (a crash) keeps nothing from starting.
     */
    public List<String> inProgress() throws StoreException {
        synchronized (store) {
            return store.sql("find the runs in progress", () -> {
                List<String> out = new ArrayList<>();
                Connection c = store.connection();
                try (PreparedStatement ps = c.prepareStatement("SELECT r.id, e.name, r.owner_pid FROM run r"
                                + " JOIN experiment e ON e.id = r.experiment_id WHERE r.status = 'RUNNING'");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (alive(rs.getLong(3), rs.wasNull())) {
                            out.add("run " + rs.getString(1) + " of " + rs.getString(2) + " (process " + rs.getLong(3)
                                    + ")");
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT d.id, g.name, r.owner_pid"
                                + " FROM gameday_run d JOIN gameday g ON g.id = d.gameday_id"
                                + " JOIN gameday_run_member m ON m.gameday_run_id = d.id"
                                + " JOIN run r ON r.id = m.run_id WHERE d.status = 'RUNNING'");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String day = "GameDay " + rs.getString(1) + " (" + rs.getString(2) + ")";
                        if (alive(rs.getLong(3), rs.wasNull()) && !out.contains(day)) {
                            out.add(day);
                        }
                    }
                }
                return out;
            });
        }
    }

    private static boolean alive(long pid, boolean none) {
        return !none && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Optional<ScheduleEntry> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + "WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
    }

    private static void insert(Connection c, ScheduleDecision d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO schedule_decision (schedule, kind, due,"
                + " decided_at, run_id, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.schedule());
            ps.setString(2, d.kind().name());
            ps.setObject(3, time(d.due()));
            ps.setObject(4, time(d.at()));
            ps.setString(5, d.runId());
            ps.setString(6, FaultlineStore.clip(d.detail(), 1000));
            ps.executeUpdate();
        }
    }

    private static ScheduleEntry entry(ResultSet rs) throws SQLException {
        String from = rs.getString(6);
        String to = rs.getString(7);
        Schedule s = new Schedule(
                rs.getString(1),
                rs.getString(2),
                CronTimes.parse(rs.getString(3)),
                ZoneId.of(rs.getString(4)),
                rs.getString(5),
                from == null || to == null ? null : new TimeWindow(LocalTime.parse(from), LocalTime.parse(to)),
                Days.parse(rs.getString(8)),
                MissedRun.parse(rs.getString(9)),
                instant(rs, 10));
        ScheduleState state = new ScheduleState(
                rs.getBoolean(11),
                nullableInstant(rs, 12),
                rs.getLong(13),
                rs.getString(14),
                rs.getString(15),
                rs.getString(16),
                nullableInstant(rs, 17));
        return new ScheduleEntry(s, state);
    }
}
