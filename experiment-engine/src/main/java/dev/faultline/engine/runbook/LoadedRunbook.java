package dev.faultline.engine.runbook;

import dev.faultline.engine.model.Experiment;
import java.util.Objects;

/** A runbook file loaded whole: its text, the text's SHA-256, and the experiment it describes. */
public record LoadedRunbook(String file, String text, String sha256, Experiment experiment) {
    public LoadedRunbook {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(experiment, "experiment");
    }
}
