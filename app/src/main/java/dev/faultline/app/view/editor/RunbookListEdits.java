package dev.faultline.app.view.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The forms' additions and removals on the runbook's tree (a probe of a kind, a stop condition),
 * as changes for {@link EditorViewModel#editTree}: the loader then checks the result like any edit.
 */
final class RunbookListEdits {
    static final String PROBES = "spec.hypothesis.probes";
    static final String STOPS = "spec.stopConditions";

    private RunbookListEdits() {}

    /** A kind of probe the loader reads, with a starting point that reads the sandbox. */
    enum ProbeKind {
        HTTP("http", "HTTP endpoint (latency or status)"),
        METRICS("metrics", "Metrics endpoint (ratio, quantile, rate)"),
        PROMQL("prometheus", "PromQL query");

        final String key;
        final String label;

        ProbeKind(String key, String label) {
            this.key = key;
            this.label = label;
        }
    }

    static Consumer<ObjectNode> addProbe(ProbeKind kind) {
        return root -> {
            ArrayNode probes = array(root, "hypothesis", "probes");
            ObjectNode p = probes.addObject();
            p.put("name", unique(probes, kind.key + "-probe"));
            switch (kind) {
                case HTTP -> {
                    p.put("expect", "< 500ms");
                    ObjectNode h = p.putObject("http");
                    h.put("url", "http://127.0.0.1:18081/health");
                    h.put("timeout", "2s");
                }
                case METRICS -> {
                    p.put("expect", ">= 95%");
                    ObjectNode m = p.putObject("metrics");
                    m.put("url", "http://127.0.0.1:18080/metrics");
                    ObjectNode ratio = m.putObject("ratio");
                    ratio.put("of", "sandbox_orders_total{outcome=\"ok\"}");
                    ratio.put("to", "sandbox_orders_total");
                }
                case PROMQL -> {
                    p.put("expect", "> 5");
                    p.putObject("prometheus").put("query", "sum(rate(sandbox_orders_total[30s]))");
                }
            }
        };
    }

    static Consumer<ObjectNode> addStopCondition(String probe) {
        return root -> {
            ArrayNode stops = array(root, "stopConditions");
            ObjectNode s = stops.addObject();
            s.put("name", unique(stops, "stop-when-failing"));
            s.put("probe", probe);
            s.put("haltWhen", "< 80%");
            s.put("for", 2);
        };
    }

    static Consumer<ObjectNode> remove(String listPath, int index) {
        return root -> {
            JsonNode at = root;
            for (String part : listPath.split("\\.")) {
                at = at.path(part);
            }
            if (!(at instanceof ArrayNode a) || index >= a.size()) {
                throw new IllegalArgumentException("no " + listPath + "[" + index + "]");
            }
            a.remove(index);
            if (a.isEmpty() && listPath.equals(STOPS) && root.path("spec") instanceof ObjectNode spec) {
                spec.remove("stopConditions");
            }
        };
    }

    /** The leaves under a probe's source, as paths below it: {@code url}, {@code ratio.of}. */
    static List<String> leaves(JsonNode n) {
        List<String> out = new ArrayList<>();
        leaves(n, "", out);
        return out;
    }

    private static void leaves(JsonNode n, String prefix, List<String> out) {
        if (n.isObject()) {
            for (String k : n.propertyNames()) {
                leaves(n.get(k), prefix.isEmpty() ? k : prefix + "." + k, out);
            }
        } else if (!prefix.isEmpty()) {
            out.add(prefix);
        }
    }

    private static ArrayNode array(ObjectNode root, String... path) {
        ObjectNode at = root.path("spec") instanceof ObjectNode s ? s : root.putObject("spec");
        for (int i = 0; i < path.length - 1; i++) {
            at = at.path(path[i]) instanceof ObjectNode o ? o : at.putObject(path[i]);
        }
        String last = path[path.length - 1];
        return at.path(last) instanceof ArrayNode a ? a : at.putArray(last);
    }

    private static String unique(ArrayNode list, String base) {
        for (int i = 1; ; i++) {
            String candidate = i == 1 ? base : base + "-" + i;
            boolean taken = false;
            for (JsonNode n : list.values()) {
                taken |= n.path("name").asString("").equals(candidate);
            }
            if (!taken) {
                return candidate;
            }
        }
    }
}
