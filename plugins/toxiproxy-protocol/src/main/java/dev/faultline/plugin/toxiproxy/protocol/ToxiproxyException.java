package dev.faultline.plugin.toxiproxy.protocol;

/**
 * A call to a Toxiproxy API that did not succeed: either the server answered with an error
 * ({@link ErrorAnswer}: the status and the {@code error} of its body), or no answer came
 * ({@link NoAnswer}: refused, too late, another I/O failure, or the caller was interrupted). The
 * messages are the facts; each caller words them for its users.
 */
public abstract sealed class ToxiproxyException extends Exception {
    private final String method;
    private final String path;

    private ToxiproxyException(String method, String path, String message) {
        super(message);
        this.method = method;
        this.path = path;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The server answered, with a status outside 2xx. */
    public static final class ErrorAnswer extends ToxiproxyException {
        private final int status;
        private final String error;

        public ErrorAnswer(String method, String path, int status, String error) {
            super(method, path, method + " " + path + ": " + status + " " + error);
            this.status = status;
            this.error = error;
        }

        public int status() {
            return status;
        }

        /** The {@code error} of the body (for a non-JSON body, its text); empty when the body had none. */
        public String error() {
            return error;
        }
    }

    /** No answer came. */
    public static final class NoAnswer extends ToxiproxyException {
        /** Why no answer came. */
        public enum Reason {
            /** Nothing listens there (connection refused). */
            REFUSED,
            /** The connection or the answer took longer than the client's timeout. */
            TIMED_OUT,
            /** Any other I/O failure (see {@link #cause()}). */
            FAILED,
            /** The calling thread was interrupted (its flag is set again). */
            INTERRUPTED
        }

        private final Reason reason;
        private final String causeName;
        private final String causeMessage;

        public NoAnswer(String method, String path, Reason reason, String causeName, String causeMessage) {
            super(
                    method,
                    path,
                    method + " " + path + ": " + reason + " (" + causeName
                            + (causeMessage.isEmpty() ? "" : ": " + causeMessage) + ")");
            this.reason = reason;
            this.causeName = causeName;
            this.causeMessage = causeMessage;
        }

        public Reason reason() {
            return reason;
        }

        /** The simple name of the failure's exception, e.g. {@code ConnectException}. */
        public String causeName() {
            return causeName;
        }

        /** The failure's message, empty when it had none. */
        public String causeMessage() {
            return causeMessage;
        }
    }
}
