package dev.faultline.engine.spi.interop;

import java.util.List;
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

    /**
     * As {@link #read(ForeignFile)}, knowing the other files of the same import (the files of the
     * folder imported, or the files named together): a format whose resources refer to one another
     * across files (a LitmusChaos ChaosEngine runs with the defaults of the ChaosExperiment it
     * names) reads them there; the others ignore them. Each of those files is imported on its own
     * too.
     *
     * @throws ImportException as {@link #read(ForeignFile)}
     */
    default Imported read(ForeignFile file, List<ForeignFile> alongside) throws ImportException {
        return read(file);
    }
}
