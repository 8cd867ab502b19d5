/**
 * Recurring experiments: a {@link dev.faultline.engine.schedule.Schedule} (a runbook, a cron expression
 * in a time zone, an environment and guards) and the {@link dev.faultline.engine.schedule.Scheduler}
 * that decides, on an injected clock, when each one runs, is skipped or was missed.
 */
@NullMarked
package dev.faultline.engine.schedule;

import org.jspecify.annotations.NullMarked;
