package dev.faultline.engine.store;

import dev.faultline.engine.FaultlineException;

/** The database could not do what was asked; the message names the database file. */
public final class StoreException extends FaultlineException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
