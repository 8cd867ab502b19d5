package dev.faultline.engine.run;

import dev.faultline.engine.model.MethodStep.FaultStep;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.safety.ActiveFault;
import dev.faultline.engine.safety.FaultRefusedException;
import dev.faultline.engine.safety.JournalEntry;
import dev.faultline.engine.safety.RevertOutcome;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.engine.spi.InjectionTimeLimit;
import dev.faultline.engine.spi.run.FaultResult;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a fault step: journal the intent, register it with the kill switch, inject, hold it
 * for its duration, revert it and report. Every fault of the run is reported exactly once,
 * whoever reverted it (the planned end, a halt or the kill switch).
 */
final class FaultStepExecutor {
    private static final Logger log = LoggerFactory.getLogger(FaultStepExecutor.class);

    private final RunContext run;
    private final Map<String, FaultBackend> backends;
    private final Map<String, BackendSettings> settings;
    private final Consumer<HaltReason> halt;
    private final Map<String, CompletableFuture<RevertOutcome>> reported = new ConcurrentHashMap<>();
    private final Map<String, Instant> injectedAt = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicReference<@Nullable Instant> lastEnd =
            new java.util.concurrent.atomic.AtomicReference<>();

    FaultStepExecutor(
            RunContext run,
            Map<String, FaultBackend> backends,
            Map<String, BackendSettings> settings,
            Consumer<HaltReason> halt) {
        this.run = run;
        this.backends = backends;
        this.settings = settings;
        this.halt = halt;
    }

    /** Runs the step from {@code began}; returns when its fault is reverted or the run halts. */
    void execute(FaultStep step, Instant began) {
        FaultBackend backend = backends.get(step.backend());
        BackendSettings backendSettings = settings.get(step.backend());
        if (backend == null || backendSettings == null) {
            // preflight refuses a step whose backend is not set up; should one get here, it fails, never injects
            failed(step, new IllegalStateException("backend '" + step.backend() + "' is not set up for this run"));
            return;
        }
        FaultRequest request = new FaultRequest(
                run.runId,
                step.name(),
                step.fault(),
                step.target(),
                step.firstShare(),
                step.duration(),
                step.firstTargets());
        run.emit(new RunEvent.FaultInjecting(
                run.runId,
                run.now(),
                step.name(),
                step.backend(),
                step.target().label(),
                step.fault().describe()));
        ActiveFault fault;
        try {
            FaultHandle handle = run.services
                    .calls()
                    .call(() -> backend.prepare(request), run.services.policy().callTimeout());
            JournalEntry entry = run.services.journal().recordIntent(run.runId, step.name(), backendSettings, handle);
            fault = new ActiveFault(entry.id(), run.runId, step.name(), backend, handle, run.now());
            try {
                run.services.active().register(fault);
            } catch (FaultRefusedException refused) {
                run.services.journal().markReverted(entry.id(), "never injected: " + refused.getMessage());
                run.emit(new RunEvent.FaultInjectFailed(run.runId, run.now(), step.name(), refused.getMessage()));
                return;
            }
        } catch (Exception e) {
            failed(step, e);
            return;
        }
        boolean injected = inject(step, request, fault);
        Instant plannedEnd = began.plus(step.duration());
        boolean heldToTheEnd = step.rollout() instanceof Rollout rollout && injected
                ? new RolloutStages(run, halt).hold(step, rollout, request, fault, run.now())
                : !fault.isRevoked() && run.sleepUnlessHalted(Duration.between(run.now(), plannedEnd));
        // When halted, the halt has started the revert already and this joins it.
        await(revert(fault, heldToTheEnd && step.rollout() == null ? plannedEnd : run.now()));
    }

    /** The run's limit for one backend call, or the longer one the backend asks for this injection. */
    private Duration injectWithin(FaultBackend backend, FaultHandle handle) {
        Duration usual = run.services.policy().callTimeout();
        if (backend instanceof InjectionTimeLimit limit) {
            Duration asked = limit.injectWithin(handle, usual);
            return asked.compareTo(usual) > 0 ? asked : usual;
        }
        return usual;
    }

    /** True when the injection went through and the fault was not revoked meanwhile. */
    private boolean inject(FaultStep step, FaultRequest request, ActiveFault fault) {
        FaultBackend backend = fault.backend();
        boolean injected = false;
        try {
            run.services
                    .calls()
                    .call(
                            () -> {
                                backend.inject(request, fault.handle());
                                return null;
                            },
                            injectWithin(backend, fault.handle()));
            markInjected(fault);
            injected = true;
            injectedAt.put(fault.journalId(), run.now());
            run.emit(new RunEvent.FaultInjected(
                    run.runId,
                    run.now(),
                    step.name(),
                    fault.handle().id(),
                    fault.handle().description()));
        } catch (Exception e) {
            failed(step, e);
        } finally {
            fault.injectCall().complete(null);
        }
        if (fault.isRevoked()) {
            // A halt reverted this fault while the injection was in flight: the injection may have
            // landed after that revert, so revert once more now that it has returned.
            await(revert(fault, run.now()));
            RevertOutcome again = run.services.rollbacks().revertAgain(fault, run.now());
            log.info("re-reverted {} after a late injection: {}", fault, again.detail());
            return false;
        }
        return injected;
    }

    /** The intent is already in the journal and counts as open, so a mark that cannot be written yet changes nothing. */
    private void markInjected(ActiveFault fault) {
        try {
            run.services.journal().markInjected(fault.journalId());
        } catch (java.io.UncheckedIOException e) {
            log.warn(
                    "{} is injected; {} (its intent is journaled, so it is still reverted after a crash)",
                    fault,
                    e.getMessage());
        }
    }

    private void failed(FaultStep step, Exception e) {
        String why = "fault '" + step.name() + "' could not be injected: " + Preflight.message(e);
        run.emit(new RunEvent.FaultInjectFailed(run.runId, run.now(), step.name(), Preflight.message(e)));
        halt.accept(new HaltReason(HaltReason.Source.METHOD, why));
    }

    /** Starts (or joins) the fault's revert and reports its outcome once. */
    CompletableFuture<RevertOutcome> revert(ActiveFault fault, Instant since) {
        lastEnd.accumulateAndGet(since, (a, b) -> a == null || b.isAfter(a) ? b : a);
        CompletableFuture<RevertOutcome> f = run.services.rollbacks().revert(fault, since);
        // Completes after the outcome is reported, so a caller waiting on it sees the fault's result.
        return reported.computeIfAbsent(
                fault.journalId(),
                id -> f.thenApply(o -> {
                    report(fault, o, since);
                    return o;
                }));
    }

    /** When the last fault of the run was meant to end (planned end or halt), if any was reverted. */
    java.util.Optional<Instant> lastFaultEnd() {
        return java.util.Optional.ofNullable(lastEnd.get());
    }

    private void report(ActiveFault fault, RevertOutcome o, Instant since) {
        Instant at = run.now();
        if (o.reverted()) {
            run.emit(new RunEvent.FaultReverted(
                    run.runId, at, fault.step(), fault.handle().id(), o.confirmed(), o.timeToRecovery(), o.detail()));
        } else {
            run.emit(new RunEvent.FaultRevertFailed(
                    run.runId, at, fault.step(), fault.handle().id(), o.detail(), o.manualStep()));
        }
        run.addFaultResult(new FaultResult(
                fault.step(),
                fault.backend().id(),
                targetOf(fault),
                fault.handle().description(),
                injectedAt.get(fault.journalId()),
                since,
                o.reverted() ? at : null,
                o.confirmed(),
                o.confirmed() ? o.timeToRecovery() : null,
                o.detail(),
                o.manualStep()));
    }

    private String targetOf(ActiveFault fault) {
        return run.experiment.faultSteps().stream()
                .filter(s -> s.name().equals(fault.step()))
                .map(s -> s.target().label())
                .findFirst()
                .orElse("");
    }

    private void await(CompletableFuture<RevertOutcome> f) {
        Duration p = run.services.policy().callTimeout();
        long bound = p.toMillis() * (run.services.policy().attempts() + 2)
                + run.services.policy().verifyWithin().toMillis()
                + run.services.policy().injectWait().toMillis();
        try {
            f.get(bound, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("revert still not finished after {} ms", bound);
        }
    }
}
