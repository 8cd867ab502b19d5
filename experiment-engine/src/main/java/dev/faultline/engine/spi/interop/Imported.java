package dev.faultline.engine.spi.interop;

import dev.faultline.engine.model.Experiment;
import java.util.List;

/**
 * What an importer made of one file: the experiments (each written as a runbook), environment
 * settings, recurring runs of those experiments, and every part of the source that was not carried
 * over exactly.
 */
public record Imported(
        List<Experiment> experiments,
        List<ImportedEnvironment> environments,
        List<ImportedSchedule> schedules,
        List<ConversionNote> notes) {
    public Imported {
        experiments = List.copyOf(experiments);
        environments = List.copyOf(environments);
        schedules = List.copyOf(schedules);
        notes = List.copyOf(notes);
        for (ImportedSchedule s : schedules) {
            if (experiments.stream().noneMatch(e -> e.name().equals(s.experiment()))) {
                throw new IllegalArgumentException(
                        "schedule '" + s.name() + "' runs experiment '" + s.experiment() + "', which was not imported");
            }
        }
    }
}
