package dev.faultline.engine.store;

import static dev.faultline.engine.store.FaultlineStore.instant;
import static dev.faultline.engine.store.FaultlineStore.nullableInstant;
import static dev.faultline.engine.store.FaultlineStore.time;

import dev.faultline.engine.gameday.GameDayStep;
import dev.faultline.engine.spi.run.AfterHalt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** GameDays (with their runbook text), their runs, and the experiment runs of each. */
public final class GameDayStore {
    private final FaultlineStore store;

    GameDayStore(FaultlineStore store) {
        this.store = store;
    }

    /** The store these rows are in. */
    FaultlineStore store() {
        return store;
    }

    /** Stores a GameDay's runbook once per (name, text) and returns its id. */
    public long saveGameDay(String name, String title, String runbookText, String sha256) throws StoreException {
        RunWrites.SavedRunbook saved;
        synchronized (store) {
            saved = store.sql(
                    "save GameDay " + name,
                    () -> RunWrites.saveRunbook(store.connection(), "gameday", name, title, runbookText, sha256));
        }
        if (saved.inserted()) {
            planSaved(name, sha256);
        }
        return saved.id();
    }

    /** Keeps in the audit trail that a new version of a plan was stored (the first run of it). */
    private void planSaved(String name, String sha256) throws StoreException {
        store.audit().record("plan saved", name, "version " + sha256.substring(0, Math.min(12, sha256.length())));
    }

    public void createRun(String id, long gameDayId, String environment, Instant startedAt) throws StoreException {
        update(
                "create GameDay run " + id,
                "INSERT INTO gameday_run (id, gameday_id, environment, status, started_at)"
                        + " VALUES (?, ?, ?, 'RUNNING', ?)",
                id,
                gameDayId,
                environment,
                time(startedAt));
        store.audit().record("GameDay started", id, "in " + environment);
    }

    public void addMember(String gameDayRunId, int position, String runId) throws StoreException {
        update(
                "link run " + runId + " to GameDay run " + gameDayRunId,
                "INSERT INTO gameday_run_member (gameday_run_id," + " position, run_id) VALUES (?, ?, ?)",
                gameDayRunId,
                position,
                runId);
    }

    /** A step of the day: an experiment's run ({@code runId}) or one that did not run (null, {@code note} says why). */
    public void addStep(String gameDayRunId, int seq, GameDayStep step) throws StoreException {
        update(
                "record step " + seq + " of GameDay run " + gameDayRunId,
                "INSERT INTO gameday_run_step (gameday_run_id, seq, position, experiment, run_id, attempt, after_halt,"
                        + " note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                gameDayRunId,
                seq,
                step.index(),
                FaultlineStore.clip(step.experiment(), 128),
                step.runId(),
                step.attempt(),
                step.afterHalt() == null ? null : step.afterHalt().name(),
                FaultlineStore.clip(step.note(), 4000));
    }

    /** What the leader chose after the halt of the experiment at {@code position}: kept on its latest step. */
    public void decideAfterHalt(String gameDayRunId, int position, AfterHalt decision, String halt)
            throws StoreException {
        update(
                "record the choice after the halt in GameDay run " + gameDayRunId,
                "UPDATE gameday_run_step SET after_halt = ?, note = ? WHERE gameday_run_id = ? AND seq ="
                        + " (SELECT MAX(seq) FROM gameday_run_step WHERE gameday_run_id = ? AND position = ?)",
                decision.name(),
                FaultlineStore.clip(halt, 4000),
                gameDayRunId,
                gameDayRunId,
                position);
    }

    /** The day's steps in order; empty for a GameDay run recorded before steps were kept. */
    public List<GameDayStep> steps(String gameDayRunId) throws StoreException {
        synchronized (store) {
            return store.sql("read the steps of GameDay run " + gameDayRunId, () -> {
                List<GameDayStep> out = new ArrayList<>();
                try (PreparedStatement ps = store.connection()
                        .prepareStatement("SELECT position, experiment, run_id, attempt, after_halt, note"
                                + " FROM gameday_run_step WHERE gameday_run_id = ? ORDER BY seq")) {
                    ps.setString(1, gameDayRunId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String after = rs.getString(5);
                            out.add(new GameDayStep(
                                    rs.getInt(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getInt(4),
                                    after == null ? null : AfterHalt.valueOf(after),
                                    rs.getString(6)));
                        }
                    }
                }
                return out;
            });
        }
    }

    public void finishRun(String id, String status, Instant endedAt, String reason) throws StoreException {
        update(
                "finish GameDay run " + id,
                "UPDATE gameday_run SET status = ?, ended_at = ?, reason = ? WHERE id = ?",
                status,
                time(endedAt),
                FaultlineStore.clip(reason, 4000),
                id);
    }

    private static final String RUN_COLUMNS = "SELECT r.id, r.gameday_id, g.name, g.title, r.environment, r.status,"
            + " r.started_at, r.ended_at, r.reason FROM gameday_run r JOIN gameday g ON g.id = r.gameday_id ";

    public Optional<GameDayRunRecord> find(String id) throws StoreException {
        return runs(RUN_COLUMNS + "WHERE r.id = ?", id).stream().findFirst();
    }

    /** The latest run of the GameDay named {@code name}. */
    public Optional<GameDayRunRecord> latestOf(String name) throws StoreException {
        return runs(RUN_COLUMNS + "WHERE g.name = ? ORDER BY r.started_at DESC LIMIT 1", name).stream()
                .findFirst();
    }

    public List<GameDayRunRecord> recent(int limit) throws StoreException {
        return runs(RUN_COLUMNS + "ORDER BY r.started_at DESC LIMIT " + Math.max(1, limit));
    }

    /** Every run of the GameDay named {@code name}, oldest first (for trends). */
    public List<GameDayRunRecord> history(String name) throws StoreException {
        return runs(RUN_COLUMNS + "WHERE g.name = ? ORDER BY r.started_at", name);
    }

    /** The GameDay run an experiment run belongs to. */
    public Optional<String> gameDayRunOf(String runId) throws StoreException {
        synchronized (store) {
            return store.sql("find the GameDay of run " + runId, () -> {
                try (PreparedStatement ps = store.connection()
                        .prepareStatement("SELECT gameday_run_id FROM gameday_run_member WHERE run_id = ?")) {
                    ps.setString(1, runId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                    }
                }
            });
        }
    }

    /**
     * The plan positions (0-based) of the experiments a GameDay run started: the others were skipped.
     * Read from the run's steps (a repeated or resumed day keeps each experiment's place there); a run
     * recorded before steps existed has its runs' places in {@code gameday_run_member}.
     */
    public java.util.Set<Integer> startedPositions(String gameDayRunId) throws StoreException {
        synchronized (store) {
            return store.sql("read the experiments GameDay run " + gameDayRunId + " started", () -> {
                boolean anySteps = any("SELECT COUNT(*) FROM gameday_run_step WHERE gameday_run_id = ?", gameDayRunId);
                return anySteps
                        ? positions(
                                "SELECT position FROM gameday_run_step WHERE gameday_run_id = ? AND run_id IS NOT NULL",
                                gameDayRunId)
                        : positions("SELECT position FROM gameday_run_member WHERE gameday_run_id = ?", gameDayRunId);
            });
        }
    }

    /** Whether {@code count} counts any row for the GameDay run. */
    private boolean any(String count, String gameDayRunId) throws SQLException {
        try (PreparedStatement ps = store.connection().prepareStatement(count)) {
            ps.setString(1, gameDayRunId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    /** The positions {@code query} lists, possibly none. */
    private java.util.Set<Integer> positions(String query, String gameDayRunId) throws SQLException {
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        try (PreparedStatement ps = store.connection().prepareStatement(query)) {
            ps.setString(1, gameDayRunId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
        }
        return out;
    }

    /** The runbook text the GameDay run was started from. */
    public Optional<String> runbookOf(String gameDayRunId) throws StoreException {
        synchronized (store) {
            return store.sql("read the runbook of " + gameDayRunId, () -> {
                try (PreparedStatement ps = store.connection()
                        .prepareStatement("SELECT g.runbook FROM gameday_run r"
                                + " JOIN gameday g ON g.id = r.gameday_id WHERE r.id = ?")) {
                    ps.setString(1, gameDayRunId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                    }
                }
            });
        }
    }

    private List<GameDayRunRecord> runs(String query, String... args) throws StoreException {
        synchronized (store) {
            return store.sql("read GameDay runs", () -> {
                List<GameDayRunRecord> out = new ArrayList<>();
                Connection c = store.connection();
                try (PreparedStatement ps = c.prepareStatement(query)) {
                    for (int i = 0; i < args.length; i++) {
                        ps.setString(i + 1, args[i]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new GameDayRunRecord(
                                    rs.getString(1),
                                    rs.getLong(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    instant(rs, 7),
                                    nullableInstant(rs, 8),
                                    rs.getString(9) == null ? "" : rs.getString(9),
                                    List.of()));
                        }
                    }
                }
                List<GameDayRunRecord> withMembers = new ArrayList<>();
                for (GameDayRunRecord r : out) {
                    List<String> ids = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT run_id FROM gameday_run_member WHERE gameday_run_id = ? ORDER BY position")) {
                        ps.setString(1, r.id());
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                ids.add(rs.getString(1));
                            }
                        }
                    }
                    withMembers.add(new GameDayRunRecord(
                            r.id(),
                            r.gameDayId(),
                            r.name(),
                            r.title(),
                            r.environment(),
                            r.status(),
                            r.startedAt(),
                            r.endedAt(),
                            r.reason(),
                            ids));
                }
                return withMembers;
            });
        }
    }

    private void update(String what, String sql, @Nullable Object... args) throws StoreException {
        synchronized (store) {
            store.execute(what, () -> {
                try (PreparedStatement ps = store.connection().prepareStatement(sql)) {
                    for (int i = 0; i < args.length; i++) {
                        ps.setObject(i + 1, args[i]);
                    }
                    ps.executeUpdate();
                }
            });
        }
    }
}
