package dev.faultline.engine.safety;

import java.time.Instant;
import java.util.List;

/**
 * What a press of the kill switch achieved: every fault it found, each reverted and confirmed
 * gone, or not, with the step to clean it up by hand.
 */
public record HaltReport(HaltReason reason, Instant engagedAt, Instant completedAt, int runsHalted,
                         List<RevertOutcome> outcomes) {
    public HaltReport {
        outcomes = List.copyOf(outcomes);
    }

    public List<RevertOutcome> needingAttention() {
        return outcomes.stream().filter(RevertOutcome::needsAttention).toList();
    }

    public boolean allConfirmedGone() {
        return outcomes.stream().noneMatch(RevertOutcome::needsAttention);
    }
}
