package dev.faultline.engine.store;

import static dev.faultline.engine.store.FaultlineStore.instant;
import static dev.faultline.engine.store.FaultlineStore.time;

import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.ExperimentOutcome;
import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.Observation;
import dev.faultline.engine.report.SearchHit;
import dev.faultline.engine.report.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The retrospective's records: observations, findings, per-run outcomes, lessons and action items,
 * and a search across all of them.
 *
 * <p>Search is {@code LOWER(text) LIKE LOWER('%term%')} over the stored texts, not H2's built-in
 * FullText: FullText splits words at spaces and punctuation, so a term inside Chinese or Japanese
 * text (which has no spaces) is never found, and its index needs triggers and Java functions
 * registered in the database. A retrospective database holds thousands of notes, not millions, so
 * a scan is fast enough (docs/reports.md).
 */
public final class RetroStore {
    private final FaultlineStore store;

    RetroStore(FaultlineStore store) {
        this.store = store;
    }

    public Observation addObservation(String subject, Instant at, String author, String text) throws StoreException {
        Observation probe = new Observation(0, subject, at, author, text); // checks before writing
        long id = insert(
                "add an observation to " + subject,
                "INSERT INTO observation (subject, at, author, text)" + " VALUES (?, ?, ?, ?)",
                subject,
                time(at),
                author,
                text);
        return new Observation(id, probe.subject(), probe.at(), probe.author(), probe.text());
    }

    /** The observations about any of {@code subjects} (runs and GameDay runs), in time order. */
    public List<Observation> observations(Collection<String> subjects) throws StoreException {
        if (subjects.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", subjects.stream().map(s -> "?").toList());
        return query(
                "read observations",
                "SELECT id, subject, at, author, text FROM observation WHERE subject IN (" + in + ") ORDER BY at, id",
                rs -> new Observation(rs.getLong(1), rs.getString(2), instant(rs, 3), rs.getString(4), rs.getString(5)),
                subjects.toArray());
    }

    public Finding addFinding(Finding f) throws StoreException {
        long id = insert(
                "add a finding",
                "INSERT INTO finding (gameday_run_id, run_id, probe, observation_id, title,"
                        + " happened, expected, severity, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                f.gameDayRunId(),
                f.runId(),
                f.probe(),
                nullable(f.observationId(), Types.BIGINT),
                f.title(),
                f.happened(),
                f.expected(),
                f.severity().name(),
                time(f.createdAt()));
        return new Finding(
                id,
                f.gameDayRunId(),
                f.runId(),
                f.probe(),
                f.observationId(),
                f.title(),
                f.happened(),
                f.expected(),
                f.severity(),
                f.createdAt(),
                f.closedAt());
    }

    /** Changes a finding's texts, severity and links (by its id); false when there is no such finding. */
    public boolean updateFinding(Finding f) throws StoreException {
        return update(
                "change finding " + f.id(),
                "UPDATE finding SET run_id = ?, probe = ?, observation_id = ?, title = ?, happened = ?, expected = ?,"
                        + " severity = ? WHERE id = ?",
                f.runId(),
                f.probe(),
                nullable(f.observationId(), Types.BIGINT),
                f.title(),
                f.happened(),
                f.expected(),
                f.severity().name(),
                f.id());
    }

    /** Closes a finding at {@code at}, or opens it again (null); false when there is no such finding. */
    public boolean closeFinding(long id, @Nullable Instant at) throws StoreException {
        return update(
                (at == null ? "reopen" : "close") + " finding " + id,
                "UPDATE finding SET closed_at = ? WHERE id = ?",
                at == null ? new Null(Types.TIMESTAMP_WITH_TIMEZONE) : time(at),
                id);
    }

    /** Deletes a finding; action items that named it keep their text and lose the link. */
    public boolean deleteFinding(long id) throws StoreException {
        return update("delete finding " + id, "DELETE FROM finding WHERE id = ?", id);
    }

    /** Changes a lesson's kind and text; false when there is no such lesson. */
    public boolean updateLesson(long id, Lesson.Kind kind, String text) throws StoreException {
        return update(
                "change lesson " + id, "UPDATE lesson SET kind = ?, text = ? WHERE id = ?", kind.name(), text, id);
    }

    public boolean deleteLesson(long id) throws StoreException {
        return update("delete lesson " + id, "DELETE FROM lesson WHERE id = ?", id);
    }

    /** Changes an action item's title, owner, due date, status, ticket and finding; false when there is none. */
    public boolean updateActionItem(ActionItem a) throws StoreException {
        return update(
                "change action item " + a.id(),
                "UPDATE action_item SET finding_id = ?, title = ?, owner = ?, due = ?, status = ?, ticket_url = ?"
                        + " WHERE id = ?",
                nullable(a.findingId(), Types.BIGINT),
                a.title(),
                a.owner(),
                nullable(a.due(), Types.DATE),
                a.status().name(),
                a.ticketUrl(),
                a.id());
    }

    public boolean deleteActionItem(long id) throws StoreException {
        return update("delete action item " + id, "DELETE FROM action_item WHERE id = ?", id);
    }

    /** Findings of a GameDay run and of its runs. */
    public List<Finding> findings(String gameDayRunId, Collection<String> runIds) throws StoreException {
        List<Object> args = new ArrayList<>();
        args.add(gameDayRunId);
        args.addAll(runIds);
        String in = runIds.isEmpty()
                ? ""
                : " OR run_id IN ("
                        + String.join(",", runIds.stream().map(s -> "?").toList()) + ")";
        return query(
                "read findings",
                "SELECT id, gameday_run_id, run_id, probe, observation_id, title, happened,"
                        + " expected, severity, created_at, closed_at FROM finding WHERE gameday_run_id = ?" + in
                        + " ORDER BY id",
                rs -> {
                    long obs = rs.getLong(5);
                    Long o = rs.wasNull() ? null : obs;
                    return new Finding(
                            rs.getLong(1),
                            text(rs, 2),
                            text(rs, 3),
                            text(rs, 4),
                            o,
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            Severity.valueOf(rs.getString(9)),
                            instant(rs, 10),
                            rs.getObject(11) == null ? null : instant(rs, 11));
                },
                args.toArray());
    }

    /** Records (or replaces) the team's verdict on a run. */
    public void setOutcome(ExperimentOutcome o, Instant at) throws StoreException {
        synchronized (store) {
            store.sql("record the outcome of " + o.runId(), () -> {
                try (PreparedStatement ps = store.connection()
                        .prepareStatement("MERGE INTO experiment_outcome (run_id,"
                                + " verdict, detected, time_to_detect_ms, mitigated, time_to_mitigate_ms, notes, recorded_at)"
                                + " KEY (run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bind(
                            ps,
                            o.runId(),
                            o.verdict().name(),
                            o.detected(),
                            nullable(millis(o.timeToDetect()), Types.BIGINT),
                            o.mitigated(),
                            nullable(millis(o.timeToMitigate()), Types.BIGINT),
                            o.notes(),
                            time(at));
                    ps.executeUpdate();
                }
                return null;
            });
        }
    }

    public List<ExperimentOutcome> outcomes(Collection<String> runIds) throws StoreException {
        if (runIds.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", runIds.stream().map(s -> "?").toList());
        return query(
                "read outcomes",
                "SELECT run_id, verdict, detected, time_to_detect_ms, mitigated,"
                        + " time_to_mitigate_ms, notes FROM experiment_outcome WHERE run_id IN (" + in + ")",
                rs -> {
                    long d = rs.getLong(4);
                    Duration detect = rs.wasNull() ? null : Duration.ofMillis(d);
                    long m = rs.getLong(6);
                    Duration mitigate = rs.wasNull() ? null : Duration.ofMillis(m);
                    return new ExperimentOutcome(
                            rs.getString(1),
                            ExperimentOutcome.Verdict.valueOf(rs.getString(2)),
                            rs.getBoolean(3),
                            detect,
                            rs.getBoolean(5),
                            mitigate,
                            rs.getString(7));
                },
                runIds.toArray());
    }

    public Lesson addLesson(String gameDayRunId, Lesson.Kind kind, String text, Instant at) throws StoreException {
        Lesson l = new Lesson(0, gameDayRunId, kind, text, at);
        long id = insert(
                "add a lesson",
                "INSERT INTO lesson (gameday_run_id, kind, text, created_at) VALUES (?, ?, ?, ?)",
                gameDayRunId,
                kind.name(),
                text,
                time(at));
        return new Lesson(id, l.gameDayRunId(), l.kind(), l.text(), l.createdAt());
    }

    public List<Lesson> lessons(String gameDayRunId) throws StoreException {
        return query(
                "read lessons",
                "SELECT id, gameday_run_id, kind, text, created_at FROM lesson WHERE gameday_run_id = ?"
                        + " ORDER BY id",
                rs -> new Lesson(
                        rs.getLong(1),
                        rs.getString(2),
                        Lesson.Kind.valueOf(rs.getString(3)),
                        rs.getString(4),
                        instant(rs, 5)),
                gameDayRunId);
    }

    public ActionItem addActionItem(ActionItem a) throws StoreException {
        long id = insert(
                "add an action item",
                "INSERT INTO action_item (gameday_run_id, finding_id, title, owner, due,"
                        + " status, ticket_url, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                a.gameDayRunId(),
                nullable(a.findingId(), Types.BIGINT),
                a.title(),
                a.owner(),
                nullable(a.due(), Types.DATE),
                a.status().name(),
                a.ticketUrl(),
                time(a.createdAt()));
        return new ActionItem(
                id,
                a.gameDayRunId(),
                a.findingId(),
                a.title(),
                a.owner(),
                a.due(),
                a.status(),
                a.ticketUrl(),
                a.createdAt());
    }

    /** Changes an action item's status; false when there is no such item. */
    public boolean setActionStatus(long id, ActionItem.Status status) throws StoreException {
        synchronized (store) {
            return store.sql("update action item " + id, () -> {
                try (PreparedStatement ps =
                        store.connection().prepareStatement("UPDATE action_item SET status = ? WHERE id = ?")) {
                    ps.setString(1, status.name());
                    ps.setLong(2, id);
                    return ps.executeUpdate() == 1;
                }
            });
        }
    }

    private static final String ACTION_COLUMNS = "SELECT id, gameday_run_id, finding_id, title, owner, due, status,"
            + " ticket_url, created_at FROM action_item ";

    public List<ActionItem> actionItems(String gameDayRunId) throws StoreException {
        return query(
                "read action items",
                ACTION_COLUMNS + "WHERE gameday_run_id = ? ORDER BY id",
                RetroStore::actionItem,
                gameDayRunId);
    }

    /** Open and in-progress action items of every GameDay run but {@code exceptGameDayRunId}, the oldest due first. */
    public List<ActionItem> openActionItems(String exceptGameDayRunId) throws StoreException {
        return query(
                "read open action items",
                ACTION_COLUMNS + "WHERE status IN ('OPEN', 'IN_PROGRESS')"
                        + " AND gameday_run_id <> ? ORDER BY due NULLS LAST, id",
                RetroStore::actionItem,
                exceptGameDayRunId);
    }

    public Optional<ActionItem> actionItem(long id) throws StoreException {
        return query("read action item " + id, ACTION_COLUMNS + "WHERE id = ?", RetroStore::actionItem, id).stream()
                .findFirst();
    }

    /** Every observation, finding, lesson and action item whose text contains {@code term}, any case. */
    public List<SearchHit> search(String term, int limit) throws StoreException {
        if (term.isBlank()) {
            return List.of();
        }
        String like = "%"
                + term.strip()
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
        String sql = "SELECT 'observation', id, subject, at, text FROM observation WHERE LOWER(text) LIKE ? ESCAPE '\\'"
                + " UNION ALL SELECT 'finding', id, COALESCE(NULLIF(gameday_run_id, ''), run_id), created_at,"
                + " title || ': ' || happened || ' / expected: ' || expected FROM finding"
                + " WHERE LOWER(title || ' ' || happened || ' ' || expected) LIKE ? ESCAPE '\\'"
                + " UNION ALL SELECT 'lesson', id, gameday_run_id, created_at, text FROM lesson WHERE LOWER(text) LIKE ? ESCAPE '\\'"
                + " UNION ALL SELECT 'action', id, gameday_run_id, created_at, title || ' (' || owner || ')' FROM action_item"
                + " WHERE LOWER(title || ' ' || owner) LIKE ? ESCAPE '\\'"
                + " ORDER BY 4 DESC LIMIT " + Math.max(1, limit);
        String t = term.strip().toLowerCase(java.util.Locale.ROOT);
        return query(
                "search for '" + term + "'",
                sql,
                rs -> new SearchHit(
                        rs.getString(1), rs.getLong(2), rs.getString(3), instant(rs, 4), snippet(rs.getString(5), t)),
                like,
                like,
                like,
                like);
    }

    static String snippet(String text, String term) {
        String flat = text.replaceAll("\\s+", " ");
        int at = flat.toLowerCase(java.util.Locale.ROOT).indexOf(term);
        int from = Math.max(0, at - 60);
        int to = Math.min(flat.length(), (at < 0 ? 0 : at) + term.length() + 60);
        return (from > 0 ? "…" : "") + flat.substring(from, to) + (to < flat.length() ? "…" : "");
    }

    private static ActionItem actionItem(ResultSet rs) throws SQLException {
        long f = rs.getLong(3);
        Long finding = rs.wasNull() ? null : f;
        java.sql.Date due = rs.getDate(6);
        return new ActionItem(
                rs.getLong(1),
                rs.getString(2),
                finding,
                rs.getString(4),
                rs.getString(5),
                due == null ? null : due.toLocalDate(),
                ActionItem.Status.valueOf(rs.getString(7)),
                rs.getString(8),
                instant(rs, 9));
    }

    private static String text(ResultSet rs, int col) throws SQLException {
        String s = rs.getString(col);
        return s == null ? "" : s;
    }

    private static @Nullable Long millis(@Nullable Duration d) {
        return d == null ? null : d.toMillis();
    }

    /** A typed SQL NULL or the value, for {@link #bind}. */
    private record Null(int type) {}

    private static Object nullable(@Nullable Object v, int type) {
        if (v instanceof LocalDate d) {
            return java.sql.Date.valueOf(d);
        }
        return v == null ? new Null(type) : v;
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Null n) {
                ps.setNull(i + 1, n.type());
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String what, String sql, Row<T> row, Object... args) throws StoreException {
        synchronized (store) {
            return store.sql(what, () -> {
                List<T> out = new ArrayList<>();
                try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
                    bind(ps, args);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(row.read(rs));
                        }
                    }
                }
                return out;
            });
        }
    }

    /** One row changed or deleted: true when it was there. */
    private boolean update(String what, String sql, Object... args) throws StoreException {
        synchronized (store) {
            return store.sql(what, () -> {
                try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
                    bind(ps, args);
                    return ps.executeUpdate() == 1;
                }
            });
        }
    }

    private long insert(String what, String sql, Object... args) throws StoreException {
        synchronized (store) {
            return store.sql(what, () -> {
                Connection c = store.connection();
                try (PreparedStatement ps = c.prepareStatement(sql, PreparedStatement.RETURN_GENERATED_KEYS)) {
                    bind(ps, args);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        return keys.getLong(1);
                    }
                }
            });
        }
    }
}
