package dev.faultline.engine.store;

import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.JournalEntry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fault journal of this machine mirrored to the team's store ({@code run_journal}, V10): the
 * journal stays a local file written before each injection; each of its records is copied here
 * afterwards, in order, on a thread of the mirror's own, so the injection and revert paths never
 * wait for the store. Other desktops read which faults a run still holds ({@link #held}), and
 * revert those of backends they can reach themselves.
 */
public final class JournalMirror implements FaultJournal.Mirror, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JournalMirror.class);

    /** Backends whose faults live in a cluster or a proxy anyone on the team can reach, not on one desktop. */
    public static final Set<String> REACHABLE_FROM_ANYWHERE = Set.of("chaos-mesh", "litmus", "toxiproxy");

    /** The words that tell a revert from another desktop apart on a run's timeline. */
    public static final String REVERTED_ELSEWHERE = ", from another desktop by ";

    /** A fault a run's journal still holds, as mirrored. */
    public record HeldFault(
            String faultId,
            String runId,
            String host,
            String step,
            String backend,
            String description,
            boolean reachable,
            String state,
            String journalLine) {}

    private final FaultlineStore store;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "faultline-journal-mirror");
        t.setDaemon(true);
        return t;
    });

    public JournalMirror(FaultlineStore store) {
        this.store = store;
    }

    @Override
    public void recorded(JournalEntry e, String line) {
        writer.execute(() -> write("mirror the journal's fault " + e.id(), () -> {
            try (PreparedStatement ps = store.connection()
                    .prepareStatement("INSERT INTO run_journal (fault_id, run_id, host, step, backend, description,"
                            + " reachable, state, entry, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, e.id());
                ps.setString(2, e.runId());
                ps.setString(3, ThisMachine.name());
                ps.setString(4, FaultlineStore.clip(e.step(), 128));
                ps.setString(5, FaultlineStore.clip(e.settings().backend(), 64));
                ps.setString(6, FaultlineStore.clip(e.handle().description(), 1000));
                ps.setBoolean(7, REACHABLE_FROM_ANYWHERE.contains(e.settings().backend()));
                ps.setString(8, e.state().name());
                ps.setString(9, line);
                ps.setObject(10, FaultlineStore.time(e.at()));
                ps.executeUpdate();
            }
            store.announce(e.runId());
        }));
    }

    @Override
    public void changed(String id, JournalEntry.State state, String detail) {
        writer.execute(() -> write("mirror the journal's change of " + id, () -> {
            setState(store, id, state, null);
        }));
    }

    private static void setState(
            FaultlineStore store, String id, JournalEntry.State state, @org.jspecify.annotations.Nullable String by)
            throws java.sql.SQLException {
        try (PreparedStatement ps = store.connection()
                .prepareStatement("UPDATE run_journal SET state = ?, changed_at = ?, reverted_by = COALESCE(?,"
                        + " reverted_by) WHERE fault_id = ?")) {
            ps.setString(1, state.name());
            ps.setObject(2, FaultlineStore.time(Instant.now()));
            ps.setString(3, by);
            ps.setString(4, id);
            ps.executeUpdate();
        }
    }

    private void write(String what, FaultlineStore.SqlStep work) {
        try {
            synchronized (store) {
                store.execute(what, work);
            }
        } catch (StoreException e) {
            log.warn("{} (the local journal has it)", e.getMessage());
        }
    }

    /** The faults {@code runId}'s journal still holds (intended or injected, not reverted), oldest first. */
    public static List<HeldFault> held(FaultlineStore store, String runId) throws StoreException {
        synchronized (store) {
            return store.sql("read the faults run " + runId + " holds", () -> {
                List<HeldFault> out = new ArrayList<>();
                try (PreparedStatement ps = store.connection()
                        .prepareStatement("SELECT fault_id, run_id, host, step, backend, description, reachable,"
                                + " state, entry FROM run_journal WHERE run_id = ? AND state <> 'REVERTED'"
                                + " ORDER BY changed_at, fault_id")) {
                    ps.setString(1, runId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new HeldFault(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getBoolean(7),
                                    rs.getString(8).toLowerCase(Locale.ROOT),
                                    rs.getString(9)));
                        }
                    }
                }
                return out;
            });
        }
    }

    /** Marks a fault reverted from another desktop: by this store's login on this machine. */
    public static void revertedFromHere(FaultlineStore store, HeldFault fault, String detail) throws StoreException {
        String by = store.login() + "@" + ThisMachine.name();
        synchronized (store) {
            store.execute("mark fault " + fault.faultId() + " reverted", () -> {
                setState(store, fault.faultId(), JournalEntry.State.REVERTED, by);
                store.announce(fault.runId());
            });
        }
        try {
            synchronized (store) {
                // on the run's timeline too: the followers' charts end the fault's span here
                store.execute("put the revert of " + fault.faultId() + " on the run's timeline", () -> {
                    RunWrites.appendEventAfterLast(
                            store.connection(),
                            fault.runId(),
                            Instant.now(),
                            "fault-reverted",
                            revertedLine(fault.step(), by, fault.description()));
                    store.announce(fault.runId());
                });
            }
        } catch (StoreException e) {
            // a role that may revert but not record runs (on call): the journal and the audit trail have it
            log.info("the revert is not on the run's timeline: {}", e.getMessage());
        }
        store.audit().record("fault reverted", fault.runId(), fault.description() + " by " + by + ": " + detail);
    }

    /** What a revert from another desktop says on the run's timeline ("reverted STEP, from another desktop by ..."). */
    public static String revertedLine(String step, String by, String description) {
        return "reverted " + step + REVERTED_ELSEWHERE + by + ": " + description;
    }

    /** Waits (at most {@code limit}) until every record so far is in the store. */
    public void drain(Duration limit) {
        try {
            writer.submit(() -> {}).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("the journal's mirror is behind: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        drain(Duration.ofSeconds(2));
        writer.shutdown();
    }
}
