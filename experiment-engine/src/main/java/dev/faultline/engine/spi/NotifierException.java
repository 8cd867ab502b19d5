package dev.faultline.engine.spi;

import dev.faultline.engine.FaultlineException;

/** A notifier's settings are wrong, or a message could not be delivered: the message says which and why. */
public final class NotifierException extends FaultlineException {
    public NotifierException(String message) {
        super(message);
    }

    public NotifierException(String message, Throwable cause) {
        super(message, cause);
    }
}
