package dev.faultline.engine.schedule;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One decision of the scheduler about one schedule, as its log line and the store keep it.
 *
 * @param due    the cron time decided about; for {@link Kind#FINISHED} the time the run was due
 * @param at     when it was decided
 * @param runId  the run started or finished; null when none
 * @param detail the rest of the line for people ("the kill switch is engaged since ...")
 */
public record ScheduleDecision(
        String schedule,
        Kind kind,
        Instant due,
        Instant at,
        @Nullable String runId,
        String detail) {

    /** What was decided. */
    public enum Kind {
        /** A run was started at its time. */
        FIRED,
        /** Times were missed and, as the schedule asks, one run was started now for them. */
        CAUGHT_UP,
        /** Times were missed and, as the schedule asks, not run. */
        MISSED,
        /** Not run: the kill switch is engaged. */
        SKIPPED_LATCHED,
        /** Not run: another run or GameDay is in progress (or this scheduler's previous run). */
        SKIPPED_BUSY,
        /** Not run: a skipped day, or outside the time window. */
        SKIPPED_GUARD,
        /** The run could not start (the environment, the sandbox taken, the runbook gone, ...). */
        REFUSED,
        /** A run the scheduler started has ended. */
        FINISHED;

        /** {@code skipped-latched}: as the log and {@code schedule list} show it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public ScheduleDecision {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }

    /** {@code fired: run 20261207-... (payment-latency-holds)}: the decision without the schedule and times. */
    public String line() {
        return kind.label() + (detail.isEmpty() ? "" : ": " + detail);
    }
}
