package dev.faultline.engine.spi.interop;

/** A runbook that cannot be written in a format at all, with why ("it has no cluster faults"). */
public final class ExportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }
}
