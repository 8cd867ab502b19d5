package dev.faultline.engine.schedule;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a schedule did last, as the store keeps it.
 *
 * @param paused        paused schedules are never due
 * @param lastFire      the last cron time the scheduler decided about (ran, skipped or missed); times up
 *                      to it are never decided again, so a restart never runs one twice; null: none yet
 * @param version       changes with every decision, so two schedulers never take the same time
 * @param lastDecision  the last decision's one line; null: none yet
 * @param lastRunId     the run the schedule last started; null: none yet
 * @param lastOutcome   that run's outcome (HELD, DEVIATED, ..., or RUNNING); null: none yet
 * @param lastResultAt  when that run ended
 */
public record ScheduleState(
        boolean paused,
        @Nullable Instant lastFire,
        long version,
        @Nullable String lastDecision,
        @Nullable String lastRunId,
        @Nullable String lastOutcome,
        @Nullable Instant lastResultAt) {

    /** A schedule just added. */
    public static ScheduleState fresh() {
        return new ScheduleState(false, null, 0, null, null, null, null);
    }
}
