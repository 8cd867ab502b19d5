package dev.faultline.engine.run;

import dev.faultline.engine.env.Environment;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.safety.ListenerDispatcher;
import dev.faultline.engine.spi.run.FaultResult;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.ProbeSample;
import dev.faultline.engine.spi.run.RollbackResult;
import dev.faultline.engine.spi.run.RolloutResult;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunListener;
import dev.faultline.engine.spi.run.RunPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The shared state of one run: its events, samples, phase and halt, seen by all its threads. */
final class RunContext {
    private static final Logger log = LoggerFactory.getLogger(RunContext.class);

    final String runId;
    final Experiment experiment;
    final Environment environment;
    final RunnerServices services;
    private final List<RunListener> listeners;
    /** The run's events go out on a thread of their own, in order: no thread of the run (or halt) waits for a listener. */
    private final ListenerDispatcher events;

    private final AtomicReference<@Nullable HaltReason> haltReason = new AtomicReference<>();
    /** Released by a halt, or when a rollout's stage did not hold: the method ends, the run goes on. */
    private final CountDownLatch haltSignal = new CountDownLatch(1);

    private final AtomicReference<@Nullable String> rolloutStop = new AtomicReference<>();
    private final List<RolloutResult> rolloutResults = new CopyOnWriteArrayList<>();
    /** Released when a person halts (kill switch, Ctrl-C): then even recovery and verification stop. */
    private final CountDownLatch personHalt = new CountDownLatch(1);

    private final List<ProbeSample> samples = new ArrayList<>();
    private final Map<String, ProbeSample> latest = new ConcurrentHashMap<>();
    private final List<FaultResult> faultResults = new CopyOnWriteArrayList<>();
    private final List<RollbackResult> rollbackResults = new CopyOnWriteArrayList<>();
    private volatile RunPhase phase = RunPhase.PENDING;

    RunContext(
            String runId,
            Experiment experiment,
            Environment environment,
            RunnerServices services,
            List<RunListener> listeners) {
        this.runId = runId;
        this.experiment = experiment;
        this.environment = environment;
        this.services = services;
        this.listeners = List.copyOf(listeners);
        this.events = new ListenerDispatcher("faultline-run-events-" + runId);
    }

    Instant now() {
        return services.clock().instant();
    }

    /**
     * Publishes an event to every listener, in order, and returns at once: the listeners hear it on
     * the run's dispatcher thread. A failing listener is logged and skipped.
     */
    void emit(RunEvent event) {
        events.dispatch(() -> deliver(event));
    }

    private void deliver(RunEvent event) {
        for (RunListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("a run listener failed on {}; the run goes on", event.type(), e);
            }
        }
    }

    /**
     * Waits until the listeners have heard every event published so far: the run's end is recorded
     * and shown before anyone waiting on its result goes on, as when they heard it on the run's thread.
     */
    void awaitDelivered() {
        try {
            events.delivered().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("delivering the events of run " + runId + " failed", e);
        }
    }

    /** Ends the run's dispatcher once what is queued is delivered; later events are not delivered. */
    void closeEvents() {
        events.close();
    }

    RunPhase phase() {
        return phase;
    }

    void enter(RunPhase next) {
        RunPhase from = phase;
        PhaseTransition.check(from, next);
        phase = next;
        emit(new RunEvent.PhaseChanged(runId, now(), from, next));
    }

    /** Sets the halt reason; true for the first caller only. */
    boolean markHalted(HaltReason reason) {
        if (reason.source() == HaltReason.Source.KILL_SWITCH || reason.source() == HaltReason.Source.SIGNAL) {
            personHalt.countDown();
        }
        if (!haltReason.compareAndSet(null, reason)) {
            return false;
        }
        haltSignal.countDown();
        return true;
    }

    /**
     * Ends the method because a rollout's stage did not hold: every lane stops and its faults are
     * reverted, then rollback, recovery and verification run as after the method's planned end. Not
     * a halt. True for the first caller only.
     */
    boolean stopRollout(String reason) {
        if (!rolloutStop.compareAndSet(null, reason)) {
            return false;
        }
        haltSignal.countDown();
        return true;
    }

    /** Why a rollout ended the method, if one did. */
    Optional<String> rolloutStop() {
        return Optional.ofNullable(rolloutStop.get());
    }

    /** Whether the method ends now: halted, or stopped by a rollout. */
    boolean methodEnded() {
        return haltSignal.getCount() == 0;
    }

    void addRolloutResult(RolloutResult r) {
        rolloutResults.add(r);
    }

    List<RolloutResult> rolloutResults() {
        return List.copyOf(rolloutResults);
    }

    Optional<HaltReason> haltReason() {
        return Optional.ofNullable(haltReason.get());
    }

    boolean halted() {
        return haltReason.get() != null;
    }

    /**
     * Sleeps for {@code d} unless halted (or the method stopped by a rollout) first; returns true when
     * it slept the whole time.
     */
    boolean sleepUnlessHalted(Duration d) {
        if (d.isNegative() || d.isZero()) {
            return !methodEnded();
        }
        try {
            return !haltSignal.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean haltedByPerson() {
        return personHalt.getCount() == 0;
    }

    /**
     * Sleeps for {@code d} unless a person halts: after a stop condition the run still waits out
     * its recovery window and verifies, but the kill switch cuts that short too.
     */
    boolean sleepUnlessHaltedByPerson(Duration d) {
        try {
            return !personHalt.await(Math.max(0, d.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void record(ProbeSample s) {
        synchronized (samples) {
            samples.add(s);
        }
        latest.put(s.probe(), s);
        emit(new RunEvent.ProbeSampled(runId, s.at(), s));
    }

    Optional<ProbeSample> latest(String probe) {
        return Optional.ofNullable(latest.get(probe));
    }

    List<ProbeSample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    void addFaultResult(FaultResult r) {
        faultResults.add(r);
    }

    void addRollbackResult(RollbackResult r) {
        rollbackResults.add(r);
    }

    List<RollbackResult> rollbackResults() {
        return List.copyOf(rollbackResults);
    }

    List<FaultResult> faultResults() {
        return List.copyOf(faultResults);
    }
}
