package dev.faultline.engine.store;

import dev.faultline.engine.report.Observation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a run from the store while another process runs it: its events, samples and notes (the
 * run's and its GameDay run's), and its end, handed to a listener in the order they were stored.
 * On a shared PostgreSQL store the writer announces each change ({@code NOTIFY}) and the follower
 * reads as soon as it hears it; it also reads every {@link #POLL} whatever it heard, which is all it
 * does on H2, so it is never more than that behind. Runs on a thread of its own with its own
 * connection, until the run ends or {@link #close}.
 *
 * <p>Samples are read by time with a look-back ({@link #LOOK_BACK}) and told apart by probe and time:
 * a slow probe's sample can be written after a later one of another probe.
 */
public final class RunFollower implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunFollower.class);
    static final Duration POLL = Duration.ofMillis(500);
    static final Duration LOOK_BACK = Duration.ofSeconds(30);

    /** Something new in the followed run. */
    public sealed interface Change permits Event, Samples, Note, Ended {}

    public record Event(EventRecord event) implements Change {}

    public record Samples(List<SampleRecord> samples) implements Change {}

    public record Note(Observation note) implements Change {}

    /**
     * The run is over (its status is no longer RUNNING; ABANDONED once its journal holds no fault);
     * the last change told.
     */
    public record Ended(RunRecord run) implements Change {}

    private final FaultlineStore store;
    private final String runId;
    private final Consumer<Change> listener;
    private volatile Connection connection;
    private final Thread thread;
    /** Why the store cannot be read just now ("" while it can): the follower is behind until it can again. */
    private volatile String problem = "";

    private final CountDownLatch ended = new CountDownLatch(1);
    private long lastSeq;
    private @Nullable Instant newestSample;
    private final Set<String> samplesSeen = new HashSet<>();
    private final Set<Long> notesSeen = new HashSet<>();
    private @Nullable String gameDayRun;
    private volatile boolean closed;

    private RunFollower(FaultlineStore store, String runId, Consumer<Change> listener, Connection connection) {
        this.store = store;
        this.runId = runId;
        this.listener = listener;
        this.connection = connection;
        this.thread = new Thread(this::follow, "faultline-follow-" + runId);
        thread.setDaemon(true);
    }

    /** Starts following {@code runId} (already over: tells all of it, then {@link Ended}). */
    public static RunFollower follow(FaultlineStore store, String runId, Consumer<Change> listener)
            throws StoreException {
        Connection c = store.newConnection();
        RunFollower f = new RunFollower(store, runId, listener, c);
        if (store.shared()) {
            try (Statement st = c.createStatement()) {
                st.execute("LISTEN " + FaultlineStore.CHANGES);
            } catch (SQLException e) {
                f.closeConnection();
                throw new StoreException(
                        "cannot follow " + runId + " on " + store.describe() + ": " + Database.rootMessage(e), e);
            }
        }
        f.thread.start();
        return f;
    }

    /** Waits (at most {@code within}) for the run's end to be told; true when it was. */
    public boolean awaitEnd(Duration within) throws InterruptedException {
        return ended.await(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void follow() {
        try {
            while (!closed) {
                try {
                    if (readOnce()) {
                        return;
                    }
                    problem = "";
                    waitForNews();
                } catch (SQLException e) {
                    if (closed) {
                        return;
                    }
                    if (problem.isEmpty()) {
                        log.warn(
                                "run {} cannot be followed on {} just now ({}); retrying",
                                runId,
                                store.describe(),
                                Database.rootMessage(e));
                    }
                    problem = "the shared store does not answer (" + Database.rootMessage(e) + ")";
                    Thread.sleep(POLL.toMillis());
                    reconnect();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeConnection();
        }
    }

    /** Reads what is new; true when the run's end was told. */
    private boolean readOnce() throws SQLException {
        Optional<RunRecord> run = store.findRunOn(connection, runId);
        readEvents();
        readSamples();
        readNotes(gameDayRun == null ? gameDayRunOf() : gameDayRun);
        if (run.isPresent() && !run.get().status().equals("RUNNING") && !abandonedHolding(run.get())) {
            readEvents(); // anything written between the status read and now
            readSamples();
            listener.accept(new Ended(run.get()));
            ended.countDown();
            return true;
        }
        return false;
    }

    /**
     * A run whose runner was lost ({@link RunnerLoss}) while its journal still holds a fault: its news
     * are not over (a revert from another desktop, its machine's recovery), so it is followed on.
     */
    private boolean abandonedHolding(RunRecord run) throws SQLException {
        if (!run.status().equals(RunnerLoss.ABANDONED)) {
            return false;
        }
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT 1 FROM run_journal WHERE run_id = ? AND state <> 'REVERTED'")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A new connection (and LISTEN) after the store went away; the old one is closed. Quiet while still away. */
    private void reconnect() {
        try {
            Connection fresh = store.newConnection();
            if (store.shared()) {
                try (Statement st = fresh.createStatement()) {
                    st.execute("LISTEN " + FaultlineStore.CHANGES);
                } catch (SQLException e) {
                    fresh.close();
                    return;
                }
            }
            closeConnection();
            connection = fresh;
        } catch (StoreException | SQLException e) {
            // still away: the next round tries again
        }
    }

    /**
     * Why the store cannot be read just now, or empty: while it is not, what is shown is behind the
     * runner (whose run goes on, and whose news reach the store when it is back).
     */
    public String problem() {
        return problem;
    }

    /** Until this run is announced, or {@link #POLL} has passed. */
    private void waitForNews() throws SQLException, InterruptedException {
        if (!store.shared()) {
            Thread.sleep(POLL.toMillis());
            return;
        }
        long until = System.nanoTime() + POLL.toNanos();
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (!closed) {
            long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
            if (left <= 0) {
                return;
            }
            org.postgresql.PGNotification[] news = pg.getNotifications((int) left);
            if (news != null) {
                for (org.postgresql.PGNotification n : news) {
                    if (n.getParameter().equals(runId) || n.getParameter().equals(gameDayRun)) {
                        return;
                    }
                }
            }
        }
    }

    private @Nullable String gameDayRunOf() throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT gameday_run_id FROM gameday_run_member WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private void readEvents() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT seq, at, type, text FROM run_event WHERE run_id = ? AND seq > ? ORDER BY seq")) {
            ps.setString(1, runId);
            ps.setLong(2, lastSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lastSeq = rs.getLong(1);
                    listener.accept(new Event(new EventRecord(
                            runId, lastSeq, FaultlineStore.instant(rs, 2), rs.getString(3), rs.getString(4))));
                }
            }
        }
    }

    private void readSamples() throws SQLException {
        Instant from = newestSample == null ? Instant.EPOCH : newestSample.minus(LOOK_BACK);
        List<SampleRecord> fresh = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT probe, phase, at, val, error, within"
                + " FROM probe_sample WHERE run_id = ? AND at >= ? ORDER BY at, probe")) {
            ps.setString(1, runId);
            ps.setObject(2, FaultlineStore.time(from));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant at = FaultlineStore.instant(rs, 3);
                    String probe = rs.getString(1);
                    if (!samplesSeen.add(probe + "@" + at)) {
                        continue;
                    }
                    double v = rs.getDouble(4);
                    if (rs.wasNull()) {
                        v = Double.NaN;
                    }
                    fresh.add(
                            new SampleRecord(runId, probe, rs.getString(2), at, v, rs.getString(5), rs.getBoolean(6)));
                    if (newestSample == null || at.isAfter(newestSample)) {
                        newestSample = at;
                    }
                }
            }
        }
        if (newestSample != null) {
            Instant keep = newestSample.minus(LOOK_BACK);
            samplesSeen.removeIf(
                    k -> Instant.parse(k.substring(k.lastIndexOf('@') + 1)).isBefore(keep));
        }
        if (!fresh.isEmpty()) {
            listener.accept(new Samples(List.copyOf(fresh)));
        }
    }

    private void readNotes(@Nullable String gameDayRunId) throws SQLException {
        gameDayRun = gameDayRunId;
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, subject, at, author, text FROM observation"
                + " WHERE subject = ? OR subject = ? ORDER BY at, id")) {
            ps.setString(1, runId);
            ps.setString(2, gameDayRunId == null ? runId : gameDayRunId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (notesSeen.add(id)) {
                        listener.accept(new Note(new Observation(
                                id, rs.getString(2), FaultlineStore.instant(rs, 3), rs.getString(4), rs.getString(5))));
                    }
                }
            }
        }
    }

    private void closeConnection() {
        try {
            connection.close();
        } catch (SQLException e) {
            // gone already
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(POLL.toMillis() * 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            closeConnection(); // unblocks a read that waits on the server
        }
    }
}
