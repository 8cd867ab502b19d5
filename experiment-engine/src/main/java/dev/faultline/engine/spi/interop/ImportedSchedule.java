package dev.faultline.engine.spi.interop;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A recurring run found in a source file (a Chaos Mesh {@code Schedule}): which imported experiment,
 * when (Unix cron's five fields in a time zone) and what to do with a time missed while no scheduler
 * ran. Faultline never runs two of a schedule at once, so the source's concurrency policy is a note.
 *
 * @param experiment the name of the imported experiment it runs (one of {@link Imported#experiments()})
 * @param name       a name for the schedule: lower-case letters, digits and dashes
 * @param cron       {@code minute hour day-of-month month day-of-week}
 * @param zone       the time zone the expression is read in
 * @param runMissed  true: one run when the scheduler is back after missed times; false: skip them
 */
public record ImportedSchedule(String experiment, String name, String cron, ZoneId zone, boolean runMissed) {
    public ImportedSchedule {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(zone, "zone");
    }

    /** The missed-run policy as {@code faultline schedule add --missed} spells it. */
    public String missed() {
        return runMissed ? "run-once" : "skip";
    }
}
