package dev.faultline.engine.spi;

import dev.faultline.engine.FaultlineException;

/** A probe could not be read: the source did not answer, answered badly, or had no data. */
public class ProbeException extends FaultlineException {
    public ProbeException(String message) {
        super(message);
    }

    public ProbeException(String message, Throwable cause) {
        super(message, cause);
    }
}
