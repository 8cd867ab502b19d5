package dev.faultline.engine.spi.interop;

import java.util.Optional;

/**
 * Reads one other tool's format into Faultline's model. Implementations are found with
 * {@link java.util.ServiceLoader}; {@code faultline import} and File → Import ask each in turn which
 * recognises a file from its content (never from its name alone).
 */
public interface RunbookImporter {

    /** The format's id, as {@code faultline export --to} spells it: {@code chaostoolkit}, {@code chaos-mesh} ... */
    String format();

    /**
     * Why {@code file} looks like this format ("a Chaos Mesh NetworkChaos", "a Chaos Toolkit
     * experiment in JSON"), or empty when it does not. Cheap: reads the text only, never throws.
     */
    Optional<String> recognise(ForeignFile file);

    /**
     * The file's experiments and settings in Faultline's model. Everything not carried over exactly
     * is in {@link Imported#notes()}, never dropped silently.
     *
     * @throws ImportException when the file is this format but cannot be read (a file in a format
     *     older than the importer supports included), located
     */
    Imported read(ForeignFile file) throws ImportException;
}
