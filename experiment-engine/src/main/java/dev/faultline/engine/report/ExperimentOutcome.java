package dev.faultline.engine.report;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The team's verdict on one experiment's run: passed, failed or unsure; whether their own monitoring
 * detected the incident and how long that took; whether it was mitigated and how long that took.
 */
public record ExperimentOutcome(
        String runId,
        Verdict verdict,
        boolean detected,
        @Nullable Duration timeToDetect,
        boolean mitigated,
        @Nullable Duration timeToMitigate,
        String notes) {
    public enum Verdict {
        PASSED,
        FAILED,
        UNSURE
    }

    public ExperimentOutcome {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(notes, "notes");
        if (!detected && timeToDetect != null) {
            throw new IllegalArgumentException("a time to detect needs detected = yes");
        }
        if (!mitigated && timeToMitigate != null) {
            throw new IllegalArgumentException("a time to mitigate needs mitigated = yes");
        }
        if (timeToDetect != null && timeToDetect.isNegative()
                || timeToMitigate != null && timeToMitigate.isNegative()) {
            throw new IllegalArgumentException("times cannot be negative");
        }
    }
}
