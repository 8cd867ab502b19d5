package dev.faultline.engine.spi;

import dev.faultline.engine.FaultlineException;

/** A backend could not do what was asked. The message names the backend and what failed. */
public class BackendException extends FaultlineException {
    private final String backend;

    public BackendException(String backend, String message) {
        super("backend '" + backend + "': " + message);
        this.backend = backend;
    }

    public BackendException(String backend, String message, Throwable cause) {
        super("backend '" + backend + "': " + message, cause);
        this.backend = backend;
    }

    public String backend() {
        return backend;
    }
}
