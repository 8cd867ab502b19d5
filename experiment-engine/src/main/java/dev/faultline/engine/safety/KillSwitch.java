package dev.faultline.engine.safety;

import dev.faultline.engine.spi.run.HaltReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One control that halts every running experiment and reverts every active fault of this process,
 * in parallel, from any thread, returning at once. Engaging it latches: no run starts and no fault
 * is injected until someone releases it with a reason. The latch is shared through a file, so a
 * halt in one Faultline process (or {@code faultline halt} in a terminal) halts all of them.
 * Pressing it waits for nothing: the sweep runs on a thread of its own, listeners hear it on a
 * dispatcher thread, the latch file is written on another after the reverts started.
 */
public final class KillSwitch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KillSwitch.class);
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(200);
    private static final String LATCH_PENDING = "the kill switch latch is being written";
    /** How long a report waits for the latch write (a hung disk): then it says the latch is still being written. */
    private static final Duration LATCH_WAIT = Duration.ofSeconds(5);

    private static final long PID = ProcessHandle.current().pid();

    private final ActiveFaults active;
    private final Rollbacks rollbacks;
    private final KillSwitchLatch latch;
    private final Clock clock;
    private final Set<Haltable> runs = ConcurrentHashMap.newKeySet();
    private final List<KillSwitchListener> listeners = new CopyOnWriteArrayList<>();
    /** Listeners are called here, in order, never on the thread that pressed. */
    private final ListenerDispatcher listenerCalls = new ListenerDispatcher("faultline-kill-switch-listeners");
    /** The last press's latch write (empty when written or there was nothing to write). */
    private volatile CompletableFuture<String> latchWrite = CompletableFuture.completedFuture("");

    private final AtomicReference<KillSwitchLatch.@Nullable Engagement> engaged = new AtomicReference<>();
    /** Why this process's engagement is not in the latch file (a full disk), or empty. Retried on every watch. */
    private final AtomicReference<String> notLatched = new AtomicReference<>("");

    private final ScheduledFuture<?> watch;
    /** Whether the watcher saw the latch file at its last look (only the watcher thread touches it). */
    private boolean latchSeen;

    private final Object latchFollowing = new Object();

    public KillSwitch(
            ActiveFaults active,
            Rollbacks rollbacks,
            KillSwitchLatch latch,
            Clock clock,
            ScheduledExecutorService watcher) {
        this.active = active;
        this.rollbacks = rollbacks;
        this.latch = latch;
        this.clock = clock;
        latch.read().ifPresent(e -> {
            latchSeen = true;
            engaged.set(e);
            active.haltAll();
        });
        this.watch = watcher.scheduleWithFixedDelay(
                this::followLatch, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Puts a run under the kill switch; closing the registration takes it off. */
    public AutoCloseable register(Haltable run) {
        runs.add(run);
        return () -> runs.remove(run);
    }

    public void addListener(KillSwitchListener listener) {
        listeners.add(listener);
    }

    public void removeListener(KillSwitchListener listener) {
        listeners.remove(listener);
    }

    /**
     * Halts everything. Returns at once; the report completes when every fault found is reverted
     * or has failed for good. Pressing it again sweeps again and retries what failed.
     */
    public CompletableFuture<HaltReport> halt(HaltReason reason) {
        return engage(reason, true);
    }

    /*
     * From a press to the first revert call nothing waits: no lock a listener holds, no I/O. On the
     * caller's thread only the in-memory latch is set (no run starts) and every further fault
     * refused, then the sweep is handed to a thread of its own, so the caller is not even held up by
     * the threads it wakes. There the runs are halted (their events queued for their listeners), the
     * reverts start, listeners are told through the kill switch's dispatcher, and only then is the
     * latch file written, on yet another thread: a slow or full disk delays no revert and no caller.
     */
    private CompletableFuture<HaltReport> engage(HaltReason reason, boolean writeLatch) {
        Instant at = clock.instant();
        KillSwitchLatch.Engagement e = new KillSwitchLatch.Engagement(at, reason.toString(), PID);
        if (writeLatch) {
            // Until the latch is written, the watcher must not take the missing file for a release.
            notLatched.compareAndSet("", LATCH_PENDING);
        }
        engaged.compareAndSet(null, e);
        List<ActiveFault> faults = active.haltAll();
        CompletableFuture<HaltReport> report = new CompletableFuture<>();
        Thread.ofVirtual().name("faultline-kill-switch").start(() -> {
            try {
                sweep(reason, at, faults, writeLatch).whenComplete((r, ex) -> {
                    if (ex == null) {
                        report.complete(r);
                    } else {
                        report.completeExceptionally(ex);
                    }
                });
            } catch (RuntimeException ex) {
                log.error("the kill switch's sweep failed", ex);
                report.completeExceptionally(ex);
            }
        });
        return report;
    }

    /** Halts the runs and reverts the faults found, in parallel; the report completes when all are through. */
    private CompletableFuture<HaltReport> sweep(
            HaltReason reason, Instant at, List<ActiveFault> faults, boolean writeLatch) {
        notify(l -> l.engaged(reason));
        List<Haltable> halted = new ArrayList<>(runs);
        halted.forEach(r -> {
            try {
                r.halt(reason);
            } catch (RuntimeException ex) {
                log.error("halting a run failed", ex);
            }
        });
        AtomicInteger done = new AtomicInteger();
        // Progress is reported as each revert ends, and the report only after all progress was.
        List<CompletableFuture<RevertOutcome>> reverts = faults.stream()
                .map(f -> rollbacks.revert(f, at).thenApply(o -> {
                    int n = done.incrementAndGet();
                    notify(l -> l.progress(n, faults.size(), o));
                    return o;
                }))
                .toList();
        // Written after the reverts started, off the caller's thread.
        CompletableFuture<String> latched = writeLatch ? writeLatchLater() : CompletableFuture.completedFuture("");
        log.warn(
                "KILL SWITCH engaged ({}): halting {} run(s), reverting {} fault(s)",
                reason,
                halted.size(),
                faults.size());
        CompletableFuture<HaltReport> report = CompletableFuture.allOf(reverts.toArray(CompletableFuture[]::new))
                .handle((ok, ex) -> "")
                .thenCombine(
                        latched.copy().completeOnTimeout(LATCH_PENDING, LATCH_WAIT.toMillis(), TimeUnit.MILLISECONDS),
                        (ok, latchProblem) -> new HaltReport(
                                reason,
                                at,
                                clock.instant(),
                                halted.size(),
                                reverts.stream().map(CompletableFuture::join).toList(),
                                latchProblem))
                .thenCompose(r -> listenerCalls.delivered().thenApply(v -> r));
        report.thenAccept(r -> {
            r.needingAttention()
                    .forEach(o -> log.error(
                            "NOT reverted or not confirmed: {} - {}; by hand: {}",
                            o.handle().description(),
                            o.detail(),
                            o.manualStep()));
            notify(l -> l.completed(r));
        });
        return report;
    }

    /** Starts writing the latch on a thread of its own; completes with why it could not be, or empty. */
    private CompletableFuture<String> writeLatchLater() {
        CompletableFuture<String> written = new CompletableFuture<>();
        latchWrite = written;
        Thread.ofVirtual().name("faultline-kill-switch-latch").start(() -> written.complete(writeLatchWhileEngaged()));
        return written;
    }

    /*
     * Takes turns with release() and the watcher: a write landing after a release would engage the
     * switch again in this very process (and the watcher may have written it meanwhile).
     */
    private String writeLatchWhileEngaged() {
        synchronized (latchFollowing) {
            KillSwitchLatch.Engagement now = engaged.get();
            if (now == null || notLatched.get().isEmpty()) {
                return ""; // released before it was written, or written by the watcher already
            }
            return latch(now);
        }
    }

    /** Writes the latch for other processes; returns why it could not, or empty. The halt here holds either way. */
    private String latch(KillSwitchLatch.Engagement e) {
        try {
            latch.engage(e);
            notLatched.set("");
            return "";
        } catch (RuntimeException ex) {
            String why = "the kill switch is engaged in this process, but could not be latched for the others: "
                    + ex.getMessage() + "; retried every " + WATCH_INTERVAL.toMillis() + " ms";
            if (why.equals(notLatched.getAndSet(why))) {
                log.debug(why);
            } else {
                log.error(why);
            }
            return why;
        }
    }

    /** Why the engagement is not in the latch file, when it is not (a full disk); empty otherwise. */
    public String latchProblem() {
        return notLatched.get();
    }

    /**
     * As {@link #latchProblem()}, once the last press's latch write is through (it is written off
     * the caller's thread) or {@code within} has passed: then it says the latch is still being written.
     */
    public String latchProblem(Duration within) {
        try {
            latchWrite.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // said by latchProblem(): still being written
        }
        return notLatched.get();
    }

    public boolean isEngaged() {
        return engaged.get() != null;
    }

    public Optional<KillSwitchLatch.Engagement> engagement() {
        return Optional.ofNullable(engaged.get());
    }

    /** Throws when a run must not start because the kill switch is engaged, here or elsewhere. */
    public void ensureReleased() throws KillSwitchEngagedException {
        KillSwitchLatch.Engagement e = engaged.get();
        if (e == null) {
            e = latch.read().orElse(null);
        }
        if (e != null) {
            throw new KillSwitchEngagedException(e);
        }
    }

    /** Releases the latch, here and for every process. Returns false when it was not engaged. */
    public boolean release(String reason) {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("say why the kill switch is released");
        }
        boolean was;
        synchronized (latchFollowing) {
            was = latch.release(reason, clock.instant()) | engaged.getAndSet(null) != null;
            notLatched.set("");
        }
        active.releaseAll();
        if (was) {
            log.warn("kill switch released: {}", reason);
            notify(l -> l.released(reason));
        }
        return was;
    }

    /*
     * The watcher and release() take turns: a latch read just before a release, or a retried write
     * landing just after it, would otherwise engage the switch again in this very process.
     */
    private void followLatch() {
        synchronized (latchFollowing) {
            followLatchOnce();
        }
    }

    private void followLatchOnce() {
        try {
            Optional<KillSwitchLatch.Engagement> there = latch.read();
            boolean seenBefore = latchSeen;
            latchSeen = there.isPresent();
            if (there.isPresent() && engaged.get() == null) {
                engage(
                        HaltReason.killSwitch("engaged by process "
                                + there.get().pid() + ": " + there.get().detail()),
                        false);
            } else if (there.isEmpty()
                    && engaged.get() != null
                    && !notLatched.get().isEmpty()) {
                // Engaged here while the latch could not be written: no file is no release; try again.
                if (latch(Objects.requireNonNull(engaged.get())).isEmpty()) {
                    log.warn("the kill switch latch is written now: other Faultline processes see the halt");
                }
            } else if (there.isEmpty() && seenBefore && engaged.get() != null) {
                // Released elsewhere: the latch was there and is gone. A latch that never appeared (not
                // written yet, or the disk is full) releases nothing.
                engaged.set(null);
                active.releaseAll();
                notify(l -> l.released("released by another process"));
            }
        } catch (RuntimeException e) {
            log.warn("cannot read the kill switch latch: {}", e.getMessage());
        }
    }

    /** Tells the listeners on the kill switch's dispatcher, in order; returns at once. */
    private void notify(Consumer<KillSwitchListener> call) {
        listenerCalls.dispatch(() -> {
            for (KillSwitchListener l : listeners) {
                try {
                    call.accept(l);
                } catch (RuntimeException e) {
                    log.warn("a kill switch listener failed", e);
                }
            }
        });
    }

    @Override
    public void close() {
        watch.cancel(false);
        listenerCalls.close();
    }
}
