package dev.faultline.engine;

/**
 * A failure the caller must decide about. The message is written for a GameDay leader: it says
 * who or what failed and why, e.g. "backend 'local': proxy 'payments' not found at http://...".
 */
public abstract class FaultlineException extends Exception {
    protected FaultlineException(String message) {
        super(message);
    }

    protected FaultlineException(String message, Throwable cause) {
        super(message, cause);
    }
}
