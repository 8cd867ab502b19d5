package dev.faultline.plugin.kube;

import dev.faultline.engine.spi.BackendException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Turns a client failure into a message a GameDay leader can act on: an expired token, a missing
 * permission, a server that does not answer. Messages name the context and what was being done,
 * never a credential.
 */
public final class KubeErrors {
    private KubeErrors() {}

    public static BackendException explain(KubeSettings s, String doing, Exception e) {
        if (e instanceof KubernetesClientException k) {
            int code = k.getCode();
            if (code == 401) {
                return new BackendException(
                        s.backend(),
                        doing + ": the API server of " + s.where()
                                + " refused the credentials (401 Unauthorized): the token is expired or revoked; log in again",
                        e);
            }
            if (code == 403) {
                return new BackendException(
                        s.backend(), doing + ": forbidden for the user of " + s.where() + " (403): " + reason(k), e);
            }
            if (code == 404) {
                return new BackendException(s.backend(), doing + ": not found (404) in " + s.where(), e);
            }
            if (code == 422) {
                return new BackendException(
                        s.backend(), doing + ": the API server rejected the manifest (422): " + reason(k), e);
            }
            if (code > 0) {
                return new BackendException(
                        s.backend(), doing + ": HTTP " + code + " from " + s.where() + ": " + reason(k), e);
            }
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ConnectException) {
                return new BackendException(
                        s.backend(), doing + ": the API server of " + s.where() + " refused the connection", e);
            }
            if (c instanceof InterruptedIOException || c instanceof TimeoutException) {
                return new BackendException(
                        s.backend(),
                        doing + ": the API server of " + s.where() + " did not answer within "
                                + s.requestTimeout().toMillis() + " ms",
                        e);
            }
        }
        return new BackendException(s.backend(), doing + " in " + s.where() + " failed: " + e.getMessage(), e);
    }

    private static String reason(KubernetesClientException k) {
        if (k.getStatus() != null && k.getStatus().getMessage() != null) {
            return k.getStatus().getMessage();
        }
        return String.valueOf(k.getMessage());
    }

    /** Whether the client failure says the object is not there. */
    public static boolean notFound(Exception e) {
        return e instanceof KubernetesClientException k && k.getCode() == 404;
    }
}
