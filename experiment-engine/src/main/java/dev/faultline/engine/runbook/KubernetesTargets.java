package dev.faultline.engine.runbook;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kubernetes targets: {@code pods: {namespace: shop, labels: {app: payment}, fieldSelectors:
 * {status.phase: Running}, podNames: [a, b], container: app, count: 1, port: 8080}} and
 * {@code nodes: {name: worker-1}} or {@code nodes: {labels: {pool: spot}}}. Maps are kept as
 * Kubernetes selector text ({@code app=payment,tier=web}) and lists comma-joined, since label keys
 * hold dots and cannot be flattened to dotted keys.
 */
final class KubernetesTargets {
    static final Map<String, Set<String>> KEYS = Map.of(
            "pods", Set.of("namespace", "labels", "fieldSelectors", "podNames", "container", "count", "port"),
            "nodes", Set.of("name", "labels"));
    private static final Set<String> MAPS = Set.of("labels", "fieldSelectors");
    private static final Set<String> LISTS = Set.of("podNames");

    private KubernetesTargets() {}

    static boolean isKubernetes(String kind) {
        return KEYS.containsKey(kind);
    }

    static @Nullable Target read(Problems problems, String kind, JsonNode v, String kindPath) {
        Set<String> keys = KEYS.get(kind);
        if (keys == null) {
            problems.at(
                    kindPath, "'" + kind + "' is not a Kubernetes target (" + String.join(", ", KEYS.keySet()) + ")");
            return null;
        }
        if (!v.isObject() || v.isEmpty()) {
            problems.at(
                    kindPath,
                    "give a mapping of " + String.join(", ", new java.util.TreeSet<>(keys)) + ", e.g. " + kind
                            + ": {namespace: shop, labels: {app: payment}}");
            return null;
        }
        Map<String, String> selector = new TreeMap<>();
        for (String key : v.propertyNames()) {
            JsonNode value = v.get(key);
            String at = LocatedTree.child(kindPath, key);
            if (!keys.contains(key)) {
                problems.at(
                        at,
                        "unknown field '" + key + "' of a " + kind + " target (it takes "
                                + String.join(", ", new java.util.TreeSet<>(keys)) + ")");
                return null;
            }
            if (MAPS.contains(key) != value.isObject()
                    || (LISTS.contains(key) && !value.isArray() && !value.isValueNode())
                    || (!MAPS.contains(key) && !LISTS.contains(key) && !value.isValueNode())) {
                problems.at(
                        at,
                        "'" + key + "' should be "
                                + (MAPS.contains(key)
                                        ? "a mapping, e.g. {app: payment}"
                                        : LISTS.contains(key) ? "a list of names" : "a single value"));
                return null;
            }
            selector.put(
                    key,
                    MAPS.contains(key)
                            ? selector(value)
                            : LISTS.contains(key) ? String.join(",", JsonFaultFields.texts(value)) : value.asString());
        }
        if (kind.equals("pods")
                && !selector.containsKey("labels")
                && !selector.containsKey("podNames")
                && !selector.containsKey("fieldSelectors")) {
            problems.at(
                    kindPath,
                    "a pods target needs labels, fieldSelectors or podNames: a whole namespace is"
                            + " never selected by default");
            return null;
        }
        if (kind.equals("pods") && selector.containsKey("count")) {
            try {
                if (Integer.parseInt(selector.get("count")) < 1) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.at(LocatedTree.child(kindPath, "count"), "count must be a whole number of pods, at least 1");
                return null;
            }
        }
        return new Target(kind, new Params(selector));
    }

    /** {@code {app: payment, tier: web}} as {@code app=payment,tier=web}. */
    static String selector(JsonNode map) {
        Map<String, String> sorted = new TreeMap<>();
        map.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asString()));
        StringBuilder b = new StringBuilder();
        sorted.forEach((k, val) ->
                b.append(b.isEmpty() ? "" : ",").append(k).append('=').append(val));
        return b.toString();
    }

    /** Writes a Kubernetes target back in the form {@link #read} takes. */
    static void write(ObjectNode n, Target t) {
        ObjectNode s = n.putObject(t.kind());
        new TreeMap<>(t.selector().values()).forEach((k, v) -> {
            if (MAPS.contains(k)) {
                ObjectNode m = s.putObject(k);
                for (String pair : v.split(",")) {
                    if (!pair.isEmpty()) {
                        int eq = pair.indexOf('=');
                        m.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
            } else if (LISTS.contains(k)) {
                ArrayNode a = s.putArray(k);
                for (String item : v.split(",")) {
                    a.add(item);
                }
            } else if (k.equals("count") || k.equals("port")) {
                s.put(k, Integer.parseInt(v));
            } else {
                s.put(k, v);
            }
        });
    }
}
