package dev.faultline.plugin.kube;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A {@code pods} target as the runbook gave it: {@code namespace}, {@code labels}
 * ({@code app=payment,tier=web}), {@code fieldSelectors}, {@code podNames}, {@code container},
 * {@code count} (exactly this many pods) and {@code port} (for HTTP faults).
 */
public record PodTarget(
        String namespace,
        Map<String, String> labels,
        Map<String, String> fields,
        List<String> podNames,
        String container,
        OptionalInt count,
        OptionalInt port) {
    public PodTarget {
        labels = Map.copyOf(labels);
        fields = Map.copyOf(fields);
        podNames = List.copyOf(podNames);
    }

    /** @throws IllegalArgumentException when the target is not a pods target */
    public static PodTarget of(Target t, String defaultNamespace) {
        if (!t.kind().equals("pods")) {
            throw new IllegalArgumentException("target " + t.label() + " is not a pods target: write target: {pods:"
                    + " {namespace: shop, labels: {app: payment}}}");
        }
        Params p = t.selector();
        return new PodTarget(
                p.get("namespace").orElse(defaultNamespace),
                pairs(p.get("labels").orElse("")),
                pairs(p.get("fieldSelectors").orElse("")),
                list(p.get("podNames").orElse("")),
                p.get("container").orElse(""),
                p.get("count").map(c -> OptionalInt.of(Integer.parseInt(c))).orElse(OptionalInt.empty()),
                p.get("port").map(c -> OptionalInt.of(Integer.parseInt(c))).orElse(OptionalInt.empty()));
    }

    /** {@code app=payment,tier=web} as a map, in order. */
    public static Map<String, String> pairs(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return m;
    }

    static List<String> list(String text) {
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** For people: "pods app=payment in shop". */
    public String describe() {
        StringBuilder b = new StringBuilder("pods ");
        if (!labels.isEmpty()) {
            b.append(String.join(
                    ",",
                    labels.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .toList()));
        }
        if (!fields.isEmpty()) {
            b.append(b.length() > 5 ? " " : "")
                    .append(String.join(
                            ",",
                            fields.entrySet().stream()
                                    .map(e -> e.getKey() + "=" + e.getValue())
                                    .toList()));
        }
        if (!podNames.isEmpty()) {
            b.append(b.length() > 5 ? " " : "").append(String.join(",", podNames));
        }
        return b.append(" in ").append(namespace).toString();
    }
}
