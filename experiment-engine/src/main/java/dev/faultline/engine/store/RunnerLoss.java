package dev.faultline.engine.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Team mode: a run whose runner is lost (killed with its desktop, no heartbeat for {@link #AFTER}
 * by the store's clock) is ended for everyone: the first participant whose Faultline sees it and
 * whose role may record runs marks it {@link #ABANDONED}, with a "runner lost" event on its timeline
 * and an audit entry saying who marked it and from where. Never racing a runner that is merely slow:
 * the mark is taken only if the beat it judged is still the newest one (compare and set on the
 * beat's time), and a runner that beats again takes its run back ({@link #comeBack}): RUNNING
 * again, and its own end, when it comes, replaces the mark.
 */
public final class RunnerLoss {
    private static final Logger log = LoggerFactory.getLogger(RunnerLoss.class);
    /** A run's status once its runner is lost. */
    public static final String ABANDONED = "ABANDONED";
    /** How long without a heartbeat before a run is marked ABANDONED (after {@link RunHeartbeat#SILENCE} it is "silent"). */
    public static final Duration AFTER = Duration.ofSeconds(15);
    /** The event type of the mark on the run's timeline. */
    public static final String EVENT = "runner-lost";

    private RunnerLoss() {}

    /** A run marked ABANDONED by this call: its runner's machine and process, and its last beat. */
    public record Lost(String runId, String host, long pid, Instant lastBeat) {
        public String describe() {
            return "run " + runId + " is ABANDONED: its runner on " + host + " (pid " + pid
                    + ") was lost, no heartbeat since " + lastBeat;
        }
    }

    private record Stale(String runId, String host, long pid, java.time.OffsetDateTime beat) {
        /** "runner lost: HOST (pid N) gave no heartbeat since INSTANT", said on the timeline and in the audit. */
        String lostSince() {
            return "runner lost: " + host + " (pid " + pid + ") gave no heartbeat since " + beat.toInstant();
        }
    }

    /** Marks every run whose runner is lost ({@link #AFTER}); returns those this call marked. */
    public static List<Lost> sweep(FaultlineStore store) throws StoreException {
        return sweep(store, null, AFTER);
    }

    /** Marks {@code runId} ABANDONED if its runner is lost; returns it when this call marked it. */
    public static java.util.Optional<Lost> markIfLost(FaultlineStore store, String runId) throws StoreException {
        return sweep(store, runId, AFTER).stream().findFirst();
    }

    /** {@link #sweep} of one run ({@code runId}) or all, with the silence given (tests use a short one). */
    static List<Lost> sweep(FaultlineStore store, @org.jspecify.annotations.Nullable String runId, Duration after)
            throws StoreException {
        List<Lost> marked = new ArrayList<>();
        String by = store.login() + "@" + ThisMachine.name();
        for (Stale s : stale(store, runId, after)) {
            if (mark(store, s, by)) {
                Lost lost = new Lost(s.runId(), s.host(), s.pid(), s.beat().toInstant());
                marked.add(lost);
                try {
                    store.audit()
                            .record(
                                    "run abandoned",
                                    s.runId(),
                                    s.lostSince() + " (over " + after.toSeconds() + " s); marked by " + by);
                } catch (StoreException e) {
                    log.warn("run {} is marked ABANDONED, but not in the audit trail: {}", s.runId(), e.getMessage());
                }
            }
        }
        return marked;
    }

    /** Runs still RUNNING whose newest beat is older than {@code after} by the store's clock. */
    private static List<Stale> stale(
            FaultlineStore store, @org.jspecify.annotations.Nullable String runId, Duration after)
            throws StoreException {
        synchronized (store) {
            return store.sql("look for runs whose runner is lost", () -> {
                List<Stale> out = new ArrayList<>();
                try (PreparedStatement ps = store.connection()
                        .prepareStatement("SELECT h.run_id, h.host, h.pid, h.beat_at FROM run_heartbeat h"
                                + " JOIN run r ON r.id = h.run_id WHERE r.status = 'RUNNING' AND h.beat_at"
                                + " < CURRENT_TIMESTAMP - INTERVAL '" + after.toSeconds() + "' SECOND"
                                + (runId == null ? "" : " AND h.run_id = ?"))) {
                    if (runId != null) {
                        ps.setString(1, runId);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Stale(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getLong(3),
                                    rs.getObject(4, java.time.OffsetDateTime.class)));
                        }
                    }
                }
                return out;
            });
        }
    }

    /**
     * Marks the run, only if it is still RUNNING and its newest beat is still the one judged (a beat
     * since means the runner answers again: nothing is marked); the timeline gets the mark too.
     */
    private static boolean mark(FaultlineStore store, Stale s, String by) {
        String summary = s.lostSince() + "; marked ABANDONED by " + by
                + ". Its faults: reverted by its machine's next start, or from another desktop (faultline team revert)";
        try {
            synchronized (store) {
                return store.sql("mark run " + s.runId() + " ABANDONED", () -> {
                    int n;
                    try (PreparedStatement ps = store.connection()
                            .prepareStatement("UPDATE run SET status = ?, ended_at = ?, summary = ? WHERE id = ?"
                                    + " AND status = 'RUNNING' AND EXISTS (SELECT 1 FROM run_heartbeat h"
                                    + " WHERE h.run_id = ? AND h.beat_at = ?)")) {
                        ps.setString(1, ABANDONED);
                        ps.setObject(2, s.beat());
                        ps.setString(3, FaultlineStore.clip(summary, 4000));
                        ps.setString(4, s.runId());
                        ps.setString(5, s.runId());
                        ps.setObject(6, s.beat());
                        n = ps.executeUpdate();
                    }
                    if (n == 1) {
                        RunWrites.appendEventAfterLast(store.connection(), s.runId(), Instant.now(), EVENT, summary);
                        store.announce(s.runId());
                        dayToo(store, s, summary);
                    }
                    return n == 1;
                });
            }
        } catch (StoreException e) {
            // a role that may not record runs (observer, scribe): the next leader or operator marks it
            log.debug("run {} is not marked ABANDONED from here: {}", s.runId(), e.getMessage());
            return false;
        }
    }

    /** The GameDay run the lost run belongs to, still RUNNING, is lost with it (its runner is the same process). */
    private static void dayToo(FaultlineStore store, Stale s, String summary) {
        try (PreparedStatement ps = store.connection()
                .prepareStatement("UPDATE gameday_run SET status = ?, ended_at = ?, reason = ? WHERE status ="
                        + " 'RUNNING' AND id IN (SELECT gameday_run_id FROM gameday_run_member WHERE run_id = ?)")) {
            ps.setString(1, ABANDONED);
            ps.setObject(2, s.beat());
            ps.setString(3, FaultlineStore.clip(summary, 4000));
            ps.setString(4, s.runId());
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            log.warn("run {} is marked ABANDONED, its GameDay run is not: {}", s.runId(), e.getMessage());
        }
    }

    /**
     * The runner of {@code runId} beats again after its run was marked ABANDONED (it was slow, or cut
     * off from the store, not dead): the run is RUNNING again, and the others are told. True when it was.
     */
    static boolean comeBack(FaultlineStore store, String runId) throws java.sql.SQLException {
        int n;
        try (PreparedStatement ps = store.connection()
                .prepareStatement("UPDATE run SET status = 'RUNNING', ended_at = NULL, summary = NULL"
                        + " WHERE id = ? AND status = ?")) {
            ps.setString(1, runId);
            ps.setString(2, ABANDONED);
            n = ps.executeUpdate();
        }
        if (n == 1) {
            try (PreparedStatement ps = store.connection()
                    .prepareStatement("UPDATE gameday_run SET status = 'RUNNING', ended_at = NULL, reason = NULL"
                            + " WHERE status = ? AND id IN (SELECT gameday_run_id FROM gameday_run_member"
                            + " WHERE run_id = ?)")) {
                ps.setString(1, ABANDONED);
                ps.setString(2, runId);
                ps.executeUpdate();
            }
            RunWrites.appendEventAfterLast(
                    store.connection(),
                    runId,
                    Instant.now(),
                    "runner-back",
                    "the runner on " + ThisMachine.name() + " (pid "
                            + ProcessHandle.current().pid()
                            + ") answers again: the run is RUNNING again (it had been marked ABANDONED)");
            store.announce(runId);
        }
        return n == 1;
    }

    /** Runs marked ABANDONED whose journal still holds a fault, newest first. */
    public static List<String> abandonedHolding(FaultlineStore store) throws StoreException {
        synchronized (store) {
            return store.sql("read the abandoned runs that hold faults", () -> {
                List<String> out = new ArrayList<>();
                try (PreparedStatement ps = store.connection()
                        .prepareStatement("SELECT r.id FROM run r WHERE r.status = ? AND EXISTS (SELECT 1 FROM"
                                + " run_journal j WHERE j.run_id = r.id AND j.state <> 'REVERTED')"
                                + " ORDER BY r.started_at DESC")) {
                    ps.setString(1, ABANDONED);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                }
                return out;
            });
        }
    }
}
