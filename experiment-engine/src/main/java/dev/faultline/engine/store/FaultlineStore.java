package dev.faultline.engine.store;

import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.spi.run.RolloutResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Faultline's store: experiments with their runbook text, runs, their events and probe samples; in
 * the user's H2 file, or in a team's shared PostgreSQL ({@link #openShared}). Thread-safe; samples
 * go through a {@link SampleWriter} that writes in batches.
 */
public final class FaultlineStore implements AutoCloseable {
    private final StoreDatabase db;
    /** The one connection; a shared store's is replaced when the server went away and came back. */
    private volatile Connection connection;

    private final SampleWriter samples;

    private FaultlineStore(StoreDatabase db, Connection connection, SampleWriter samples) {
        this.db = db;
        this.connection = connection;
        this.samples = samples;
    }

    /** Opens (and creates or migrates) the database at {@code file} ({@code file.mv.db} on disk). */
    public static FaultlineStore open(Path file) throws StoreException {
        return on(Database.open(file));
    }

    /**
     * The store this home is set to: the team's shared PostgreSQL when {@link StoreSettingsFile}
     * names one, else the H2 file {@link FaultlineHome#database()}.
     */
    public static FaultlineStore open(FaultlineHome home) throws StoreException {
        Optional<SharedStoreSettings> shared = StoreSettingsFile.of(home).read();
        return shared.isPresent() ? openShared(shared.get()) : open(home.database());
    }

    /** Opens (and creates or migrates as needed) a team's shared PostgreSQL store. */
    public static FaultlineStore openShared(SharedStoreSettings settings) throws StoreException {
        return on(SharedDatabase.open(settings));
    }

    private static FaultlineStore on(StoreDatabase db) throws StoreException {
        Connection main = db.connect();
        try {
            return new FaultlineStore(
                    db, main, new SampleWriter(db.connect(), db::connect, db.describe(), db.shared()));
        } catch (StoreException e) {
            try {
                main.close();
            } catch (SQLException ignored) {
                // already broken
            }
            throw e;
        }
    }

    /** Whether this is a team's shared store (other desktops read and write it too). */
    public boolean shared() {
        return db.shared();
    }

    /** Where the store is, for messages: the H2 file, or the shared server and database. */
    public String describe() {
        return db.describe();
    }

    /** Stores an experiment's runbook once per (name, text) and returns its id. */
    public synchronized long saveExperiment(String name, String title, String runbookText, String sha256)
            throws StoreException {
        return sql(
                        "save experiment " + name,
                        () -> RunWrites.saveRunbook(connection, "experiment", name, title, runbookText, sha256))
                .id();
    }

    public synchronized void createRun(RunRecord run) throws StoreException {
        execute("create run " + run.id(), () -> RunWrites.create(connection, run));
        audit().record("run started", run.id(), run.experimentName() + " in " + run.environment());
    }

    /**
     * The run's row as its runner (process {@code pid} on {@code host}) created it, unless it is there
     * already (a start kept on disk while the shared store was away, written again after a crash).
     */
    synchronized void createRunOnce(RunRecord run, long pid, String host) throws StoreException {
        boolean created = sql("create run " + run.id(), () -> RunWrites.createOnce(connection, run, pid, host));
        if (created) {
            audit().record("run started", run.id(), run.experimentName() + " in " + run.environment());
        }
    }

    public synchronized void finishRun(String runId, String status, Instant endedAt, String summary, String resultJson)
            throws StoreException {
        execute("finish run " + runId, () -> RunWrites.finish(connection, runId, status, endedAt, summary, resultJson));
    }

    /**
     * Makes everything committed so far durable (H2 otherwise writes in the background, so a commit
     * can still be lost, or fail later on a full disk). Throws when it could not be written.
     */
    public synchronized void syncToDisk() throws StoreException {
        execute("write the database to disk", () -> {
            db.checkpoint();
        });
    }

    public synchronized Optional<RunRecord> findRun(String id) throws StoreException {
        return sql("read runs", () -> RunReads.find(connection, id));
    }

    public synchronized List<RunRecord> recentRuns(int limit) throws StoreException {
        return sql("read runs", () -> RunReads.recent(connection, limit));
    }

    /** Runs still marked RUNNING: after a crash, those whose process is gone were cut short. */
    public synchronized List<RunRecord> runsStillMarkedRunning() throws StoreException {
        return sql("read runs", () -> RunReads.stillMarkedRunning(connection));
    }

    /**
     * Marks runs whose process died mid-run (a crash, a {@code kill -9}) as CRASHED, so that no run
     * stays RUNNING forever. Returns their ids. On a shared store only this machine's runs are
     * looked at: another desktop's pid means nothing here.
     */
    public synchronized List<String> closeRunsOfDeadProcesses(Instant now) throws StoreException {
        List<String> closed =
                sql("find runs of dead processes", () -> RunReads.ofDeadProcesses(connection, db.shared()));
        for (String id : closed) {
            finishRun(
                    id,
                    "CRASHED",
                    now,
                    "Faultline stopped during this run (a crash or kill -9); its faults"
                            + " were reverted from the fault journal on the next start",
                    "{}");
            execute("end the heartbeat of run " + id, () -> RunWrites.endHeartbeat(connection, id));
        }
        return closed;
    }

    public synchronized Optional<String> resultJson(String runId) throws StoreException {
        return sql("read result of " + runId, () -> RunReads.resultJson(connection, runId));
    }

    public synchronized void appendEvent(String runId, long seq, Instant at, String type, String text)
            throws StoreException {
        execute("store event of " + runId, () -> {
            RunWrites.appendEvent(connection, runId, seq, at, type, text);
            announce(runId);
        });
    }

    /** The channel on which a shared store announces that a run (or a GameDay run) has something new. */
    static final String CHANGES = "faultline_run";

    /**
     * Tells the followers of a shared store that {@code subject} has something new (PostgreSQL
     * {@code NOTIFY}, delivered when the writing transaction commits; this connection autocommits).
     * Nothing on H2: followers there poll.
     */
    void announce(String subject) throws SQLException {
        if (db.shared()) {
            Notify.send(connection, CHANGES, subject);
        }
    }

    public synchronized List<EventRecord> events(String runId) throws StoreException {
        return sql("read events of " + runId, () -> RunReads.events(connection, runId));
    }

    public SampleWriter sampleWriter() {
        return samples;
    }

    /** A run's samples in time order; waits for the samples written so far to land first. */
    public List<SampleRecord> samples(String runId) throws StoreException {
        samples.flush();
        synchronized (this) {
            return sql("read samples of " + runId, () -> SampleReads.samples(connection, runId));
        }
    }

    /**
     * A run's samples as one time series per probe (time and value only, what a report draws), the
     * probes in the order of their first sample; waits for the samples written so far to land first.
     * Reads the covering index {@code probe_sample_series} alone, in its order.
     */
    public List<SampleSeries> series(String runId) throws StoreException {
        samples.flush();
        synchronized (this) {
            return sql("read samples of " + runId, () -> SampleReads.series(connection, runId));
        }
    }

    /**
     * {@link #series(String)} of several runs (a GameDay's), by run id in the order given; the second
     * half is read at the same time on a connection of its own.
     */
    public Map<String, List<SampleSeries>> series(List<String> runIds) throws StoreException {
        samples.flush();
        return SampleReads.series(this, runIds);
    }

    /** The query of {@link #series}: the columns of {@code probe_sample_series}, in its order. */
    static final String SERIES_QUERY =
            "SELECT at, probe, val FROM probe_sample WHERE run_id = ? ORDER BY run_id, at, probe";

    /** A run as {@code c} reads it (a follower's own connection). */
    Optional<RunRecord> findRunOn(Connection c, String id) throws SQLException {
        return RunReads.find(c, id);
    }

    /** A connection of its own (a follower's), with the app's rights. */
    Connection newConnection() throws StoreException {
        return db.connect();
    }

    interface Sql<T> {
        T run() throws SQLException;
    }

    /** Work on the database that gives nothing back (an insert, an update, a checkpoint). */
    interface SqlStep {
        void run() throws SQLException;
    }

    /** For this package's other repositories: the one connection, used while holding this store's lock. */
    Connection connection() {
        return connection;
    }

    /** GameDays, their runs and which runs belong to them. */
    public GameDayStore gameDays() {
        return new GameDayStore(this);
    }

    /** Observations, findings, outcomes, lessons, action items; full-text search. */
    public RetroStore retro() {
        return new RetroStore(this);
    }

    /**
     * Stores a run's progressive rollouts (each stage reached with its checked probes' figures and
     * whether it held), in the order they ran; written once, when the run ends.
     */
    public void saveRollouts(String runId, List<RolloutResult> rollouts) throws StoreException {
        new RolloutTable(this).save(runId, rollouts);
    }

    /** A run's progressive rollouts as stored, in the order they ran; empty for a run without one. */
    public List<RolloutResult> rollouts(String runId) throws StoreException {
        return new RolloutTable(this).of(runId);
    }

    /** Recurring experiments: schedules, their state and decisions. */
    public ScheduleStore schedules() {
        return new ScheduleStore(this);
    }

    /** Messages notifiers could not deliver. */
    public UndeliveredStore undelivered() {
        return new UndeliveredStore(this);
    }

    void execute(String what, SqlStep work) throws StoreException {
        sql(what, () -> {
            work.run();
            return Boolean.TRUE;
        });
    }

    <T> T sql(String what, Sql<T> work) throws StoreException {
        try {
            return work.run();
        } catch (SQLException e) {
            if (db.shared() && TeamRoles.refusedByRole(e)) {
                throw new StoreException(TeamRoles.refusal(db.loginName(), what, db.describe(), e), e);
            }
            reconnectIfGone();
            throw new StoreException("cannot " + what + " in " + db.describe() + ": " + Database.rootMessage(e), e);
        }
    }

    /**
     * A shared store's server that went away (restarted, the network cut) leaves the connection
     * broken: a new one is made, if the server is back, so that the next call works again. The call
     * that failed has failed; the run's recorder keeps what it could not write and sends it again.
     */
    private synchronized void reconnectIfGone() {
        if (!db.shared()) {
            return;
        }
        try {
            if (connection.isValid(2)) {
                return;
            }
        } catch (SQLException e) {
            // broken: make a new one
        }
        try {
            Connection fresh = db.connect();
            try {
                connection.close();
            } catch (SQLException e) {
                // gone already
            }
            connection = fresh;
        } catch (StoreException e) {
            // still away: the next call tries again
        }
    }

    /** Who this desktop is to the store: the shared store's login, or this machine's user on H2. */
    public String login() {
        return db.loginName();
    }

    /** The roles of the GameDays (who may start runs, edit the plan, write the retrospective...). */
    public TeamRoles roles() {
        return new TeamRoles(this);
    }

    /** Who started, halted, released and edited what, from where, when. */
    public AuditTrail audit() {
        return new AuditTrail(this);
    }

    static OffsetDateTime time(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int col) throws SQLException {
        return rs.getObject(col, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant nullableInstant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    @Override
    public synchronized void close() {
        samples.close();
        try {
            connection.close();
        } catch (SQLException e) {
            // closing twice or after the database went away: nothing left to do
        }
    }
}
