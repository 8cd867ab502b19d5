package dev.faultline.engine.runbook;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Limits;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads a {@code dependency} fault: {@code mode} (unavailable, slow, intermittent, corrupt) and a slow one's {@code latency}. */
final class DependencyFaultReader {
    private DependencyFaultReader() {
    }

    static @Nullable Fault read(Problems problems, JsonNode n, String path) {
        String mode = problems.text(n, "mode", "");
        Fault.DependencyMode m = Arrays.stream(Fault.DependencyMode.values())
                .filter(v -> v.runbookName().equals(mode.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
        if (m == null) {
            problems.at(LocatedTree.child(path, "mode"), (mode.isEmpty() ? "a dependency fault needs a mode"
                    : "unknown mode '" + mode + "'") + " (unavailable, slow, intermittent or corrupt)");
            return null;
        }
        if (m != Fault.DependencyMode.SLOW && n.has("latency")) {
            problems.at(LocatedTree.child(path, "latency"), "'latency' only applies to mode slow");
            return null;
        }
        Duration latency = m == Fault.DependencyMode.SLOW ? problems.duration(n, path, "latency", null, Limits.DELAY_MAX) : Duration.ZERO;
        return latency == null ? null : problems.build(path, () -> new Fault.Dependency(m, latency));
    }
}
