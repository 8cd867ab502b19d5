package dev.faultline.plugin.local.http;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One fault of an HTTP fault proxy, as Chaos Mesh's HTTPChaos models them: which requests it
 * matches (method, path glob, headers), for what share of them, and what it does: abort with a
 * status, delay, reset the connection, replace or corrupt the response body, add response headers.
 * The path glob is matched in linear time ({@link GlobMatcher}) and refused over its bounds.
 *
 * @param abortStatus 0 for no abort
 * @param delayMillis 0 for no delay
 */
public record HttpFaultRule(
        String name,
        @Nullable String method,
        String pathGlob,
        Map<String, String> headers,
        double share,
        int abortStatus,
        long delayMillis,
        boolean reset,
        @Nullable String replaceBody,
        boolean corruptBody,
        Map<String, String> addHeaders) {
    /** The longest delay, in milliseconds (1 h), as for a latency toxic. */
    public static final long MAX_DELAY_MILLIS = 3_600_000;

    public HttpFaultRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pathGlob, "pathGlob");
        headers = Map.copyOf(headers);
        addHeaders = Map.copyOf(addHeaders);
        if (name.isBlank()) {
            throw new IllegalArgumentException("a fault needs a name");
        }
        GlobMatcher.of(pathGlob);
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be above 0 and at most 1");
        }
        if (abortStatus != 0 && (abortStatus < 100 || abortStatus > 599)) {
            throw new IllegalArgumentException("abort must be an HTTP status from 100 to 599");
        }
        if (delayMillis < 0 || delayMillis > MAX_DELAY_MILLIS) {
            throw new IllegalArgumentException(
                    "delay is " + delayMillis + " ms; it must be from 0 to " + MAX_DELAY_MILLIS + " ms (1 h)");
        }
        if (abortStatus == 0
                && delayMillis == 0
                && !reset
                && replaceBody == null
                && !corruptBody
                && addHeaders.isEmpty()) {
            throw new IllegalArgumentException(
                    "a fault needs an action: abort, delay, reset, replaceBody, corruptBody or" + " addHeaders");
        }
    }

    /** The same fault for another share of the requests: a rollout's next stage. */
    public HttpFaultRule withShare(double wider) {
        return new HttpFaultRule(
                name,
                method,
                pathGlob,
                headers,
                wider,
                abortStatus,
                delayMillis,
                reset,
                replaceBody,
                corruptBody,
                addHeaders);
    }

    /** Whether a request with this method, path and headers is one this fault applies to. */
    boolean matches(String requestMethod, String path, Map<String, String> requestHeaders) {
        if (method != null && !method.equalsIgnoreCase(requestMethod)) {
            return false;
        }
        if (!GlobMatcher.of(pathGlob).matches(path)) {
            return false;
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String v = requestHeaders.get(h.getKey().toLowerCase(java.util.Locale.ROOT));
            if (v == null || !v.equals(h.getValue())) {
                return false;
            }
        }
        return true;
    }
}
