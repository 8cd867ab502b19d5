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

    /** Never null: every constructor takes the message. */
    @Override
    public String getMessage() {
        String message = super.getMessage();
        return message != null ? message : getClass().getSimpleName();
    }
}
