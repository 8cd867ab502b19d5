package dev.faultline.engine.safety;

import dev.faultline.engine.DiskErrors;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reverts active faults, each exactly once whoever asks (the run at a fault's planned end, a stop
 * condition, the kill switch), in parallel on the revert threads, and keeps the registry and the
 * journal in step: a fault leaves the journal only when its revert succeeded.
 */
public final class Rollbacks {
    private static final Logger log = LoggerFactory.getLogger(Rollbacks.class);

    private final ActiveFaults active;
    private final FaultReverter reverter;
    private final FaultJournal journal;
    private final ExecutorService revertThreads;
    private final RevertPolicy policy;

    public Rollbacks(
            ActiveFaults active,
            FaultReverter reverter,
            FaultJournal journal,
            ExecutorService revertThreads,
            RevertPolicy policy) {
        this.active = active;
        this.reverter = reverter;
        this.journal = journal;
        this.revertThreads = revertThreads;
        this.policy = policy;
    }

    /**
     * Starts reverting {@code fault} unless someone already did, and returns its outcome.
     *
     * @param since when the fault was meant to end; its recovery time counts from here
     */
    public CompletableFuture<RevertOutcome> revert(ActiveFault fault, Instant since) {
        ActiveFault.RevertAttempt attempt = fault.beginRevert();
        if (attempt.mine()) {
            revertThreads.execute(() -> attempt.outcome().complete(run(fault, since)));
        }
        return attempt.outcome();
    }

    /**
     * Reverts once more, now, on the caller's thread: for an injection that returned after its
     * fault had been reverted, and so may have put it back.
     */
    public RevertOutcome revertAgain(ActiveFault fault, Instant since) {
        return run(fault, since);
    }

    private RevertOutcome run(ActiveFault fault, Instant since) {
        RevertOutcome outcome;
        try {
            awaitInjection(fault);
            outcome = reverter.revert(fault.backend(), fault.handle(), fault.step(), since);
            if (outcome.reverted()) {
                active.remove(fault);
                outcome = recordReverted(fault, outcome);
            }
        } catch (RuntimeException e) {
            log.error("revert of {} failed unexpectedly", fault, e);
            outcome = new RevertOutcome(
                    fault.handle(),
                    fault.step(),
                    false,
                    false,
                    Duration.ZERO,
                    "could not revert: " + FaultReverter.message(e),
                    fault.backend().manualCleanup(fault.handle()));
        }
        return outcome;
    }

    /** The revert stands even when the journal cannot record it: it is kept and written when there is room. */
    private RevertOutcome recordReverted(ActiveFault fault, RevertOutcome outcome) {
        try {
            journal.markReverted(fault.journalId(), outcome.detail());
            return outcome;
        } catch (UncheckedIOException e) {
            log.warn("{} is reverted, but {}", fault, e.getMessage());
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return outcome.withDetail(outcome.detail() + "; the fault journal could not record it yet ("
                    + DiskErrors.reason(cause) + "): it will when there is room, and until then 'faultline"
                    + " recover' may revert it once more, which is harmless");
        }
    }

    /** Lets an injection in flight finish first, so the revert is not overtaken by it. */
    private void awaitInjection(ActiveFault fault) {
        try {
            fault.injectCall().get(policy.injectWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn(
                    "injection of {} has not returned after {} ms; reverting anyway",
                    fault,
                    policy.injectWait().toMillis());
        }
    }
}
