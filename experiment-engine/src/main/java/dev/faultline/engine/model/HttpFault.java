package dev.faultline.engine.model;

import dev.faultline.engine.model.FaultAttribute.Shape;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * HTTP requests matching {@code method} (any when empty), {@code path} (a glob) and
 * {@code headers} are answered with {@code abortStatus} (0: not), delayed, reset, or get a
 * replaced ({@code replaceBody}, empty: not) or corrupted body and added headers. The HTTPChaos model.
 */
public record HttpFault(
        String method,
        String path,
        Map<String, String> headers,
        int abortStatus,
        Duration delay,
        boolean reset,
        String replaceBody,
        boolean corruptBody,
        Map<String, String> addHeaders)
        implements Fault {
    public HttpFault {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(replaceBody, "replaceBody");
        PathGlob.check(path);
        headers = Map.copyOf(headers);
        addHeaders = Map.copyOf(addHeaders);
        if (abortStatus != 0 && (abortStatus < 100 || abortStatus > 599)) {
            throw new IllegalArgumentException("abort must be an HTTP status from 100 to 599");
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay cannot be negative");
        }
        Limits.atMost(delay, Limits.DELAY_MAX, "delay");
        if (abortStatus == 0
                && delay.isZero()
                && !reset
                && replaceBody.isEmpty()
                && !corruptBody
                && addHeaders.isEmpty()) {
            throw new IllegalArgumentException(
                    "an http fault needs an action: abort, delay, reset, replaceBody," + " corruptBody or addHeaders");
        }
    }

    /** The kind: {@code http}. */
    public static final FaultKind<HttpFault> KIND = FaultKind.of(
            "http",
            HttpFault.class,
            in -> {
                Duration delay = in.duration("delay", Duration.ZERO, Limits.DELAY_MAX);
                return delay == null
                        ? null
                        : in.build(
                                "",
                                () -> new HttpFault(
                                        in.text("method", ""),
                                        in.text("path", "/**"),
                                        in.textMap("headers"),
                                        in.integer("abort", 0),
                                        delay,
                                        in.flag("reset", false),
                                        in.text("replaceBody", ""),
                                        in.flag("corruptBody", false),
                                        in.textMap("addHeaders")));
            },
            new HttpFault(
                    "POST",
                    "/pay*",
                    Map.of("X-A", "b"),
                    503,
                    Duration.ZERO,
                    false,
                    "",
                    false,
                    Map.of("X-Chaos", "yes")),
            FaultAttribute.of("method", Shape.TEXT),
            FaultAttribute.of("path", Shape.TEXT),
            FaultAttribute.of("headers", Shape.TEXT_MAP),
            FaultAttribute.of("abort", Shape.INTEGER),
            FaultAttribute.of("delay", Shape.DURATION),
            FaultAttribute.of("reset", Shape.FLAG),
            FaultAttribute.of("replaceBody", Shape.TEXT),
            FaultAttribute.of("corruptBody", Shape.FLAG),
            FaultAttribute.of("addHeaders", Shape.TEXT_MAP));

    @Override
    public FaultKind<HttpFault> kind() {
        return KIND;
    }

    @Override
    public String describe() {
        String what = abortStatus != 0
                ? "HTTP " + abortStatus
                : reset
                        ? "connection reset"
                        : !replaceBody.isEmpty()
                                ? "replaced body"
                                : corruptBody
                                        ? "corrupted body"
                                        : !delay.isZero() ? "delay " + Durations.format(delay) : "added headers";
        if (abortStatus == 0 && !delay.isZero() && !what.startsWith("delay")) {
            what += " after " + Durations.format(delay);
        }
        return what + " on " + (method.isEmpty() ? "" : method + " ") + path;
    }

    @Override
    public void writeFields(FaultFieldWriter out) {
        if (!method.isEmpty()) {
            out.put("method", method);
        }
        out.put("path", path);
        out.putMap("headers", headers);
        if (abortStatus != 0) {
            out.put("abort", abortStatus);
        }
        if (!delay.isZero()) {
            out.put("delay", Durations.format(delay));
        }
        if (reset) {
            out.put("reset", true);
        }
        if (!replaceBody.isEmpty()) {
            out.put("replaceBody", replaceBody);
        }
        if (corruptBody) {
            out.put("corruptBody", true);
        }
        out.putMap("addHeaders", addHeaders);
    }
}
