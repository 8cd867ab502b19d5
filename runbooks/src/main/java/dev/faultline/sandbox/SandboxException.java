package dev.faultline.sandbox;

import dev.faultline.engine.FaultlineException;

/** The sandbox could not start; the message says what to do about it. */
public final class SandboxException extends FaultlineException {
    public SandboxException(String message) {
        super(message);
    }
}
