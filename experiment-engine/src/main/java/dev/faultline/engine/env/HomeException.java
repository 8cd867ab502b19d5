package dev.faultline.engine.env;

import dev.faultline.engine.FaultlineException;

/** {@code $FAULTLINE_HOME} cannot be used safely; the message names the path, the cause and the remedy. */
public final class HomeException extends FaultlineException {
    public HomeException(String message) {
        super(message);
    }

    public HomeException(String message, Throwable cause) {
        super(message, cause);
    }
}
