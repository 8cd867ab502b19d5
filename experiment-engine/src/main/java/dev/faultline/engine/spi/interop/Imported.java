package dev.faultline.engine.spi.interop;

import dev.faultline.engine.model.Experiment;
import java.util.List;

/**
 * What an importer made of one file: the experiments (each written as a runbook), environment
 * settings, and every part of the source that was not carried over exactly.
 */
public record Imported(
        List<Experiment> experiments, List<ImportedEnvironment> environments, List<ConversionNote> notes) {
    public Imported {
        experiments = List.copyOf(experiments);
        environments = List.copyOf(environments);
        notes = List.copyOf(notes);
    }
}
