package dev.faultline.engine.spi.interop;

import dev.faultline.engine.model.Experiment;

/**
 * Writes a Faultline experiment in another tool's format, for {@code faultline export --to
 * <format>}. Found with {@link java.util.ServiceLoader}.
 */
public interface RunbookExporter {

    /** The format's id: {@code chaostoolkit}, {@code chaos-mesh}, {@code litmus}. */
    String format();

    /**
     * The experiment in this format. Faults, probes or settings the format cannot express are
     * listed in {@link Exported#notes()}, never dropped silently.
     *
     * @throws ExportException when nothing of the experiment can be expressed (a runbook of local
     *     faults only, exported to Chaos Mesh), saying why
     */
    Exported write(Experiment experiment) throws ExportException;
}
