package dev.faultline.engine.report;

import dev.faultline.engine.FaultlineException;

/** A report cannot be made: no such GameDay or run, nothing to report yet, a file that cannot be written. */
public final class ReportException extends FaultlineException {
    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
