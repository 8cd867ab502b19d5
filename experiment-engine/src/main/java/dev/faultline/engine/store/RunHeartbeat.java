package dev.faultline.engine.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's heartbeat for one run on a shared store ({@code run_heartbeat}, V10): this machine
 * and process, and the store's own clock time of the last beat, every {@link #BEAT}; so other
 * desktops, whatever their clocks, see that the runner stopped answering after {@link #SILENCE}
 * without one. Gone when the run ends ({@link #close}); a runner killed mid-run leaves its last beat,
 * and after {@link RunnerLoss#AFTER} its run is marked ABANDONED by whoever sees it first. A beat
 * that finds its run so marked takes it back: RUNNING again ({@link RunnerLoss#comeBack}).
 */
public final class RunHeartbeat implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunHeartbeat.class);
    public static final Duration BEAT = Duration.ofSeconds(1);
    /** How long without a beat before followers say the runner stopped answering. */
    public static final Duration SILENCE = Duration.ofSeconds(5);

    /** What the store knows of a run's runner: where, its last beat, and how long ago that was by the store's clock. */
    public record Runner(String runId, String host, long pid, Instant lastBeat, Duration silentFor) {
        public boolean answering() {
            return silentFor.compareTo(SILENCE) < 0;
        }
    }

    private final FaultlineStore store;
    private final String runId;
    private final ScheduledExecutorService beats;
    private volatile boolean warned;
    /** Set by a beat that took the run back from ABANDONED (the runner was slow, not dead). */
    private boolean back;

    private RunHeartbeat(FaultlineStore store, String runId) {
        this.store = store;
        this.runId = runId;
        this.beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faultline-heartbeat-" + runId);
            t.setDaemon(true);
            return t;
        });
    }

    /** Beats for {@code runId} now and every {@link #BEAT} until closed. */
    public static RunHeartbeat start(FaultlineStore store, String runId) {
        RunHeartbeat h = new RunHeartbeat(store, runId);
        h.beats.scheduleWithFixedDelay(h::beat, 0, BEAT.toMillis(), TimeUnit.MILLISECONDS);
        return h;
    }

    private void beat() {
        try {
            synchronized (store) {
                store.execute("beat for run " + runId, () -> {
                    int n;
                    try (PreparedStatement up = store.connection()
                            .prepareStatement(
                                    "UPDATE run_heartbeat SET beat_at = CURRENT_TIMESTAMP WHERE run_id = ?")) {
                        up.setString(1, runId);
                        n = up.executeUpdate();
                    }
                    if (n == 0) {
                        try (PreparedStatement ins = store.connection()
                                .prepareStatement("INSERT INTO run_heartbeat (run_id, host, pid, beat_at)"
                                        + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
                            ins.setString(1, runId);
                            ins.setString(2, ThisMachine.name());
                            ins.setLong(3, ProcessHandle.current().pid());
                            ins.executeUpdate();
                        }
                    }
                    back = RunnerLoss.comeBack(store, runId);
                });
            }
            warned = false;
            if (back) {
                back = false;
                store.audit()
                        .record(
                                "runner back",
                                runId,
                                ThisMachine.name() + " (pid "
                                        + ProcessHandle.current().pid()
                                        + ") answers again: its run, marked ABANDONED meanwhile, is RUNNING again");
            }
        } catch (StoreException e) {
            if (!warned) {
                log.warn("the run goes on, but the others do not hear from it: {}", e.getMessage());
                warned = true;
            }
        }
    }

    /** The runner of {@code runId} as the store knows it; empty when it never beat or its run ended. */
    public static Optional<Runner> of(FaultlineStore store, String runId) throws StoreException {
        synchronized (store) {
            return store.sql("read the heartbeat of run " + runId, () -> {
                try (PreparedStatement ps = store.connection()
                        .prepareStatement(
                                "SELECT host, pid, beat_at, CURRENT_TIMESTAMP FROM run_heartbeat WHERE run_id = ?")) {
                    ps.setString(1, runId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<Runner>empty();
                        }
                        Instant beat = FaultlineStore.instant(rs, 3);
                        Instant now = rs.getObject(4, OffsetDateTime.class).toInstant();
                        Duration silent = Duration.between(beat, now);
                        return Optional.of(new Runner(
                                runId,
                                rs.getString(1),
                                rs.getLong(2),
                                beat,
                                silent.isNegative() ? Duration.ZERO : silent));
                    }
                }
            });
        }
    }

    /** Stops beating and takes the beat away: the run ended. */
    @Override
    public void close() {
        beats.shutdown();
        try {
            beats.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            synchronized (store) {
                store.execute("end the heartbeat of run " + runId, () -> {
                    try (PreparedStatement ps =
                            store.connection().prepareStatement("DELETE FROM run_heartbeat WHERE run_id = ?")) {
                        ps.setString(1, runId);
                        ps.executeUpdate();
                    }
                });
            }
        } catch (StoreException e) {
            log.warn("run {} ended, but its heartbeat stays in the store: {}", runId, e.getMessage());
        }
    }
}
