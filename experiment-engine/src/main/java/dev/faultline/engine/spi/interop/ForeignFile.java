package dev.faultline.engine.spi.interop;

import java.nio.file.Path;
import java.util.Objects;

/** A file written for another tool, as read from disk: where it is, and its text. */
public record ForeignFile(Path path, String text) {
    public ForeignFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }
}
