package dev.faultline.engine.runbook;

import dev.faultline.engine.command.CommandProbeProvider;
import dev.faultline.engine.model.Command;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.spi.MetricSourceProvider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads probes: a name, the tolerance it must keep, and exactly one source ({@code http}, {@code metrics}). */
final class ProbeReader {
    static final List<String> TYPES = List.of("http", "metrics", "prometheus", "command");

    private final Problems problems;
    private final Map<String, MetricSourceProvider> probeTypes;

    ProbeReader(Problems problems, Map<String, MetricSourceProvider> probeTypes) {
        this.problems = problems;
        this.probeTypes = probeTypes;
    }

    @Nullable
    Probe read(JsonNode n, String path) {
        String name = n.path("name").asString("");
        Tolerance expect = tolerance(n.get("expect"), LocatedTree.child(path, "expect"));
        List<String> types = TYPES.stream().filter(n::has).toList();
        if (types.size() != 1) {
            problems.at(
                    path,
                    types.isEmpty()
                            ? "probe '" + name + "' needs a source: one of " + String.join(", ", TYPES)
                            : "probe '" + name + "' has " + types.size() + " sources (" + String.join(", ", types)
                                    + "); give exactly one");
            return null;
        }
        String type = types.get(0);
        String typePath = LocatedTree.child(path, type);
        Params params;
        if (type.equals(CommandProbeProvider.TYPE)) {
            Command command = CommandYaml.read(n.get(type), typePath, problems, Set.of("value"));
            if (command == null) {
                return null;
            }
            Map<String, String> values = new TreeMap<>(command.toParams());
            JsonNode value = n.get(type).get("value");
            if (value != null) {
                values.put("value", value.asString());
            }
            params = new Params(values);
        } else {
            params = new Params(flatten(n.get(type), "", new TreeMap<>()));
        }
        MetricSourceProvider provider = probeTypes.get(type);
        if (provider != null) {
            provider.validate(params).forEach(p -> problems.at(typePath, p));
        }
        boolean during = !n.has("during") || n.get("during").asBoolean();
        if (expect == null) {
            return null;
        }
        String text = n.get("expect").asString().strip();
        return problems.build(path, () -> new Probe(name, type, params, expect, during, text));
    }

    @Nullable
    Tolerance tolerance(@Nullable JsonNode n, String path) {
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            return ToleranceParser.parse(n.asString());
        } catch (IllegalArgumentException e) {
            problems.at(path, e);
            return null;
        }
    }

    private static Map<String, String> flatten(JsonNode n, String prefix, Map<String, String> into) {
        if (n == null) {
            return into;
        }
        if (n.isObject()) {
            for (String k : n.propertyNames()) {
                flatten(n.get(k), prefix.isEmpty() ? k : prefix + "." + k, into);
            }
        } else if (!n.isNull()) {
            into.put(prefix, n.asString());
        }
        return into;
    }
}
