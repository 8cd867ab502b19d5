package dev.faultline.engine.runbook;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Limits;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads {@code jvm-exception}, {@code jvm-latency} and {@code jvm-return} faults: a method and what it does. */
final class JvmFaultReader {
    private JvmFaultReader() {
    }

    static @Nullable Fault read(Problems problems, JsonNode n, String path, String type) {
        Fault.JvmMethod target = method(problems, n, path, type);
        return switch (type) {
            case "jvm-exception" -> target == null ? null : problems.build(LocatedTree.child(path, "exception"),
                    () -> new Fault.JvmException(target, problems.text(n, "exception", "java.lang.RuntimeException"),
                            problems.text(n, "message", "injected by Faultline")));
            case "jvm-latency" -> {
                Duration latency = problems.duration(n, path, "latency", null, Limits.DELAY_MAX);
                yield target == null || latency == null ? null
                        : problems.build(LocatedTree.child(path, "latency"), () -> new Fault.JvmLatency(target, latency));
            }
            default -> {
                if (!n.has("value") || !n.get("value").isValueNode()) {
                    problems.at(path, "a jvm-return fault needs 'value': a number, true, false, null or text");
                    yield null;
                }
                String value = n.get("value").isNull() ? "null" : n.get("value").asString();
                yield target == null ? null : problems.build(path, () -> new Fault.JvmReturn(target, value));
            }
        };
    }

    private static Fault.@Nullable JvmMethod method(Problems problems, JsonNode n, String path, String type) {
        if (!n.has("class") || !n.has("method")) {
            problems.at(path, "a " + type + " fault needs 'class' (fully qualified) and 'method',"
                    + " e.g. class: com.shop.db.Pool, method: acquire");
            return null;
        }
        return problems.build(LocatedTree.child(path, "class"),
                () -> new Fault.JvmMethod(n.get("class").asString(), n.get("method").asString()));
    }
}
