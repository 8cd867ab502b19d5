package dev.faultline.engine.spi.interop;

import java.util.List;
import java.util.Objects;

/**
 * A runbook written in another tool's format: one or more files (a Chaos Toolkit experiment, one
 * manifest per Chaos Mesh resource or one {@code Workflow}), and every part of the runbook the
 * format cannot express.
 */
public record Exported(List<File> files, List<ConversionNote> notes) {
    public Exported {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    /** One file to write: its proposed name ("payment-latency-holds.json") and its text. */
    public record File(String name, String text) {
        public File {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
        }
    }
}
