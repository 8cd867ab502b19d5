package dev.faultline.engine.spi.interop;

import dev.faultline.engine.model.Experiment;
import java.time.ZoneId;

/**
 * Writes a recurring experiment (an experiment run on a cron expression in a time zone) as another
 * tool's own schedule, e.g. a Chaos Mesh {@code Schedule}; found by ServiceLoader like {@link
 * RunbookExporter}. Whatever the other tool's schedule cannot carry (Faultline's hypothesis, stop
 * conditions, the kill switch, guards) is listed in {@link Exported#notes()}.
 */
public interface ScheduleExporter {

    /** The format's id: {@code chaos-mesh}. */
    String format();

    /**
     * @param name the schedule's name
     * @param cron the cron expression, Unix cron's five fields
     * @param zone the time zone it is read in
     * @throws ExportException when the experiment cannot be scheduled there at all, saying why
     */
    Exported write(Experiment experiment, String name, String cron, ZoneId zone) throws ExportException;
}
