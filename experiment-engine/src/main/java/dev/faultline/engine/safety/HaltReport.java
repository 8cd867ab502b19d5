package dev.faultline.engine.safety;

import dev.faultline.engine.spi.run.HaltReason;
import java.time.Instant;
import java.util.List;

/**
 * What a press of the kill switch achieved: every fault it found, each reverted and confirmed
 * gone, or not, with the step to clean it up by hand.
 *
 * @param notLatched why the latch file could not be written (a full disk), so other processes may
 *                   not have seen the halt; empty when it was written (or not asked for)
 */
public record HaltReport(
        HaltReason reason,
        Instant engagedAt,
        Instant completedAt,
        int runsHalted,
        List<RevertOutcome> outcomes,
        String notLatched) {
    public HaltReport {
        outcomes = List.copyOf(outcomes);
        java.util.Objects.requireNonNull(notLatched, "notLatched");
    }

    public HaltReport(
            HaltReason reason, Instant engagedAt, Instant completedAt, int runsHalted, List<RevertOutcome> outcomes) {
        this(reason, engagedAt, completedAt, runsHalted, outcomes, "");
    }

    public List<RevertOutcome> needingAttention() {
        return outcomes.stream().filter(RevertOutcome::needsAttention).toList();
    }

    public boolean allConfirmedGone() {
        return outcomes.stream().noneMatch(RevertOutcome::needsAttention);
    }
}
