package dev.faultline.engine.safety;

import dev.faultline.engine.spi.FaultHandle;
import java.time.Duration;
import java.util.Objects;

/**
 * What became of one revert.
 *
 * @param reverted       the backend accepted the revert (or its reset fallback)
 * @param confirmed      a check showed the effect really stopped (only where the backend can check)
 * @param timeToRecovery from the revert's start (halt or planned end) to confirmation
 * @param detail         for people: "toxic removed; confirmed gone after 12 ms", or why not
 * @param manualStep     what to do by hand when not reverted or not confirmed, else empty
 */
public record RevertOutcome(
        FaultHandle handle,
        String step,
        boolean reverted,
        boolean confirmed,
        Duration timeToRecovery,
        String detail,
        String manualStep) {
    public RevertOutcome {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(timeToRecovery, "timeToRecovery");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(manualStep, "manualStep");
    }

    public RevertOutcome withDetail(String newDetail) {
        return new RevertOutcome(handle, step, reverted, confirmed, timeToRecovery, newDetail, manualStep);
    }

    public boolean needsAttention() {
        return !reverted || !confirmed;
    }
}
