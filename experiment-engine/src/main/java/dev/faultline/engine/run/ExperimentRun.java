package dev.faultline.engine.run;

import dev.faultline.engine.model.Probe;
import dev.faultline.engine.safety.ActiveFault;
import dev.faultline.engine.safety.Haltable;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.ProbeResult;
import dev.faultline.engine.spi.run.ProbeSample;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunPhase;
import dev.faultline.engine.spi.run.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of an experiment through the seed's phases: pre-flight, warm-up, baseline, inject and
 * observe, rollback, recovery, final verification, result. Rollbacks always run, on a halt too.
 */
final class ExperimentRun implements Haltable {
    private static final Logger log = LoggerFactory.getLogger(ExperimentRun.class);

    private final RunContext run;
    private final ExecutorService probeReaders;
    private final ScheduledExecutorService sampler;
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private final Instant startedAt;
    private volatile @Nullable FaultStepExecutor faults;
    private volatile @Nullable StopConditionMonitor monitor;
    private boolean methodStarted;
    private boolean rollbacksRun;

    ExperimentRun(RunContext run, ExecutorService probeReaders, ScheduledExecutorService sampler) {
        this.run = run;
        this.probeReaders = probeReaders;
        this.sampler = sampler;
        this.startedAt = run.now();
    }

    CompletableFuture<RunResult> result() {
        return result;
    }

    RunContext context() {
        return run;
    }

    /**
     * Halts the run: returns at once; its faults start reverting on the revert threads now. Takes no
     * lock a listener holds and does no I/O: the Halted event is queued for the listeners.
     */
    @Override
    public void halt(HaltReason reason) {
        if (!run.markHalted(reason)) {
            return;
        }
        Instant at = run.now();
        run.emit(new RunEvent.Halted(run.runId, at, reason));
        List<ActiveFault> mine = run.services.active().haltRun(run.runId);
        FaultStepExecutor f = faults;
        for (ActiveFault fault : mine) {
            if (f != null) {
                f.revert(fault, at);
            } else {
                run.services.rollbacks().revert(fault, at);
            }
        }
    }

    void execute() {
        try {
            phases();
        } finally {
            run.closeEvents();
            if (!result.isDone()) {
                // A bug must never leave a caller waiting for ever on the result.
                result.completeExceptionally(
                        new IllegalStateException("run " + run.runId + " ended without a result;" + " see the log"));
            }
        }
    }

    private void phases() {
        run.emit(new RunEvent.RunStarted(run.runId, startedAt, run.experiment.name(), run.environment.name(), false));
        Instant faultsEnded = null;
        Preflight.PreflightResult pre = null;
        try {
            pre = preflight();
            if (!pre.passed()) {
                finish(RunOutcome.ABORTED, "pre-flight failed: " + pre.failures(), null);
                return;
            }
            ProbeSet probes = new ProbeSet(
                    pre.sources(),
                    probeReaders,
                    run.services.clock(),
                    run.experiment.timing().probeInterval().multipliedBy(2).plusSeconds(1));
            faults = new FaultStepExecutor(run, pre.backends(), pre.settings(), this::halt);
            monitor = new StopConditionMonitor(run.experiment.stopConditions());
            if (!warmupAndBaseline(probes)) {
                return;
            }
            run.enter(RunPhase.INJECT);
            methodStarted = true;
            ScheduledFuture<?> observing = observe(probes);
            try {
                new MethodExecutor(run, faults, this::halt).execute(run.now());
                faultsEnded = rollback();
                if (run.haltedByPerson()) {
                    finish(
                            RunOutcome.HALTED,
                            run.haltReason().orElseThrow().detail() + " (final verification skipped)",
                            faultsEnded);
                    return;
                }
                run.enter(RunPhase.RECOVERY);
                run.sleepUnlessHaltedByPerson(run.experiment.timing().recoveryWindow());
            } finally {
                observing.cancel(false);
            }
            run.enter(RunPhase.VERIFY);
            sampleRepeatedly(probes, RunPhase.VERIFY, run.experiment.timing().verificationSamples());
            RunOutcome judged = judge();
            finish(judged, judged == RunOutcome.DEVIATED ? run.rolloutStop().orElse(null) : null, faultsEnded);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            halt(new HaltReason(HaltReason.Source.SIGNAL, "interrupted"));
            finishAfterFailure("the run was interrupted", faultsEnded);
        } catch (RuntimeException e) {
            log.error("run {} failed", run.runId, e);
            halt(new HaltReason(HaltReason.Source.METHOD, "Faultline failed: " + e));
            finishAfterFailure("Faultline failed during the run: " + e.getMessage(), faultsEnded);
        } finally {
            // Closed only after every rollback above: the backends are needed to the end.
            if (pre != null) {
                pre.close();
            }
        }
    }

    private Preflight.PreflightResult preflight() {
        run.enter(RunPhase.PREFLIGHT);
        return new Preflight(run.services)
                .run(
                        run.experiment,
                        run.environment,
                        c -> run.emit(new RunEvent.PreflightChecked(
                                run.runId, run.now(), c.check(), c.passed(), c.detail())));
    }

    /** Warm-up, then the baseline; false (and the run finished) when it must not go on. */
    private boolean warmupAndBaseline(ProbeSet probes) {
        Duration warmup = run.experiment.timing().warmup();
        if (!warmup.isZero()) {
            run.enter(RunPhase.WARMUP);
            // The first baseline sample covers the warm-up, not the service's whole life.
            probes.markAll();
            run.sleepUnlessHalted(warmup);
        }
        if (run.halted()) {
            finish(
                    RunOutcome.HALTED,
                    run.haltReason().orElseThrow().detail() + " (before anything was injected)",
                    null);
            return false;
        }
        run.enter(RunPhase.BASELINE);
        List<ProbeSample> baseline = sampleRepeatedly(
                probes, RunPhase.BASELINE, run.experiment.timing().baselineSamples());
        if (run.halted()) {
            finish(
                    RunOutcome.HALTED,
                    run.haltReason().orElseThrow().detail() + " (before anything was injected)",
                    null);
            return false;
        }
        List<String> broken = new ArrayList<>();
        for (Probe p : run.experiment.hypothesis().probes()) {
            baseline.stream()
                    .filter(s -> s.probe().equals(p.name()) && !s.within())
                    .findFirst()
                    .ifPresent(s -> broken.add(p.name()
                            + (s.ok()
                                    ? " read " + dev.faultline.engine.model.Numbers.format(s.value())
                                    : " could not be read (" + s.error() + ")")
                            + ", expected " + p.expectText()));
        }
        if (!broken.isEmpty()) {
            finish(
                    RunOutcome.ABORTED,
                    "the baseline did not hold, nothing was injected: " + String.join("; ", broken),
                    null);
            return false;
        }
        return true;
    }

    private List<ProbeSample> sampleRepeatedly(ProbeSet probes, RunPhase phase, int times) {
        List<ProbeSample> all = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            // Every sample but the very first waits an interval, so rates and ratios cover one.
            if (i > 0 || phase != RunPhase.BASELINE) {
                Duration interval = run.experiment.timing().probeInterval();
                boolean slept = phase == RunPhase.BASELINE
                        ? run.sleepUnlessHalted(interval)
                        : run.sleepUnlessHaltedByPerson(interval);
                if (!slept) {
                    break;
                }
            }
            List<ProbeSample> tick = probes.readAll(phase);
            tick.forEach(run::record);
            all.addAll(tick);
        }
        return all;
    }

    private ScheduledFuture<?> observe(ProbeSet probes) {
        long every = run.experiment.timing().probeInterval().toMillis();
        return sampler.scheduleAtFixedRate(
                () -> {
                    try {
                        RunPhase phase = run.phase();
                        for (ProbeSample s : probes.readAll(phase)) {
                            run.record(s);
                            // Once halted, a late tick (the sampler catching up under load) breaches nothing more.
                            if (phase == RunPhase.INJECT && monitor != null && !run.halted()) {
                                monitor.offer(s).ifPresent(b -> {
                                    run.emit(new RunEvent.StopConditionBreached(
                                            run.runId,
                                            run.now(),
                                            b.condition().name(),
                                            s.probe(),
                                            s.value(),
                                            b.detail()));
                                    halt(new HaltReason(HaltReason.Source.STOP_CONDITION, b.detail()));
                                });
                            }
                        }
                    } catch (RuntimeException e) {
                        log.error("probe sampling failed", e);
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    /** Reverts whatever of this run is still active and waits for the outcome; returns when faults ended. */
    private Instant rollback() {
        if (PhaseTransition.isLegal(run.phase(), RunPhase.ROLLBACK)) {
            run.enter(RunPhase.ROLLBACK);
        }
        Instant at = run.now();
        List<ActiveFault> left = run.services.active().haltRun(run.runId);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (ActiveFault f : left) {
            pending.add(faults == null ? run.services.rollbacks().revert(f, at) : faults.revert(f, at));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.error("rollback of run {} did not finish within 60 s", run.runId);
        }
        if (methodStarted && !rollbacksRun) {
            rollbacksRun = true;
            new RollbackRunner(run).runAll();
        }
        return faults == null ? at : faults.lastFaultEnd().orElse(at);
    }

    private RunOutcome judge() {
        if (run.halted()) {
            return RunOutcome.HALTED;
        }
        if (run.rolloutStop().isPresent()) {
            return RunOutcome.DEVIATED; // a stage did not hold: the hypothesis broke at that share
        }
        List<ProbeResult> probes = new ResultAnalyzer().probes(run.experiment, run.samples(), run.faultResults(), null);
        return probes.stream().allMatch(ProbeResult::held) ? RunOutcome.HELD : RunOutcome.DEVIATED;
    }

    private void finishAfterFailure(String why, @Nullable Instant faultsEnded) {
        Instant ended = faultsEnded == null ? rollback() : faultsEnded;
        finish(RunOutcome.FAILED, why, ended);
    }

    private void finish(RunOutcome outcome, @Nullable String reason, @Nullable Instant faultsEnded) {
        if (result.isDone()) {
            return;
        }
        if (PhaseTransition.isLegal(run.phase(), RunPhase.DONE)) {
            run.enter(RunPhase.DONE);
        }
        RunResult r = new ResultBuilder(run).build(outcome, reason, startedAt, faultsEnded);
        run.services.active().runEnded(run.runId);
        run.emit(new RunEvent.RunFinished(run.runId, run.now(), r));
        run.awaitDelivered(); // the recorder has the end and the terminal shows it before the result is out
        result.complete(r);
    }
}
