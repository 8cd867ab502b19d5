package dev.faultline.agent;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * One fault on one method (every overload): throw, wait or return, for a share of the calls, until
 * removed or, as a dead man's switch, until {@code expiresAtMillis} (0: never).
 */
final class FaultSpec {
    enum Action {
        EXCEPTION,
        LATENCY,
        RETURN
    }

    final String id;
    final String className;
    final String method;
    final Action action;
    final String exception;
    final String message;
    final long latencyMillis;
    final String value;
    final double share;
    final long expiresAtMillis;

    private FaultSpec(Map<String, String> c) {
        id = require(c, "id");
        className = require(c, "class");
        method = require(c, "method");
        action = Action.valueOf(require(c, "action").toUpperCase(java.util.Locale.ROOT));
        exception = or(c, "exception", "java.lang.RuntimeException");
        message = or(c, "message", "injected by Faultline");
        latencyMillis = Long.parseLong(or(c, "latencyMs", "0"));
        value = or(c, "value", "null");
        share = Double.parseDouble(or(c, "share", "1"));
        long ttl = Long.parseLong(or(c, "ttlMs", "0"));
        expiresAtMillis = ttl <= 0 ? 0 : System.currentTimeMillis() + ttl;
        if (share <= 0 || share > 1) {
            throw new IllegalArgumentException("share must be in (0, 1], not " + share);
        }
    }

    static FaultSpec of(Map<String, String> command) {
        return new FaultSpec(command);
    }

    String key() {
        return className + "#" + method;
    }

    boolean expired(long now) {
        return expiresAtMillis != 0 && now > expiresAtMillis;
    }

    boolean hits() {
        return share >= 1 || ThreadLocalRandom.current().nextDouble() < share;
    }

    private static String require(Map<String, String> c, String key) {
        String v = c.get(key);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("the command has no '" + key + "'");
        }
        return v;
    }

    private static String or(Map<String, String> c, String key, String fallback) {
        @Nullable String v = c.get(key);
        return v == null ? fallback : v;
    }
}
