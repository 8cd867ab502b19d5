package dev.faultline.engine.schedule;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a scheduled run ended.
 *
 * @param runId   the run; null when it never started (refused)
 * @param outcome HELD, DEVIATED, HALTED, ABORTED, FAILED, or REFUSED when it never started
 * @param summary one line for people
 */
public record ScheduledOutcome(@Nullable String runId, String outcome, String summary) {
    public static final String REFUSED = "REFUSED";

    public ScheduledOutcome {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(summary, "summary");
    }
}
