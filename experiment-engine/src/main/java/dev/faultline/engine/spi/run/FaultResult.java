package dev.faultline.engine.spi.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One fault's story: when it went in, when it was reverted, whether it was confirmed gone, and
 * the time from halt (or planned end) to confirmed recovery.
 *
 * @param endedAt    when it was meant to end: its planned end, or the halt
 * @param revertedAt when its revert was through
 */
public record FaultResult(
        String step,
        String backend,
        String target,
        String description,
        @Nullable Instant injectedAt,
        @Nullable Instant endedAt,
        @Nullable Instant revertedAt,
        boolean confirmedGone,
        @Nullable Duration timeToRecovery,
        String detail,
        String manualStep) {
    public FaultResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(manualStep, "manualStep");
    }

    public boolean needsAttention() {
        return !manualStep.isEmpty();
    }
}
