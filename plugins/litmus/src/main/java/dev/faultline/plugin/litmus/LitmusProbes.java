package dev.faultline.plugin.litmus;

import dev.faultline.engine.model.Hypothesis;
import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Tolerance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hypothesis probes that Litmus can check itself, as ChaosEngine probes: an {@code http} probe
 * measuring the status becomes an {@code httpProbe} (GET, response code), a {@code prometheus}
 * probe with a threshold or exact tolerance a {@code promProbe}; both {@code Continuous}. Others
 * (latency, ranges, /metrics scrapes) stay with Faultline's own sampler.
 */
final class LitmusProbes {
    private LitmusProbes() {}

    static List<Map<String, Object>> of(Hypothesis h, String prometheusUrl) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Probe p : h.probes()) {
            if (!p.checkedDuring()) {
                continue;
            }
            if (p.type().equals("http")
                    && p.params().get("measure").orElse("latency").equals("status")
                    && p.expect() instanceof Tolerance.Exact e) {
                Map<String, Object> get = Map.of("criteria", "==", "responseCode", Numbers.format(e.value()));
                out.add(probe(
                        p.name(), "httpProbe", Map.of("url", p.params().require("url"), "method", Map.of("get", get))));
            } else if (p.type().equals("prometheus") && comparator(p.expect()) != null) {
                String endpoint = p.params().get("url").orElse(prometheusUrl);
                if (!endpoint.isEmpty()) {
                    out.add(probe(
                            p.name(),
                            "promProbe",
                            Map.of(
                                    "endpoint",
                                    endpoint,
                                    "query",
                                    p.params().require("query"),
                                    "comparator",
                                    comparator(p.expect()))));
                }
            }
        }
        return out;
    }

    private static @org.jspecify.annotations.Nullable Map<String, Object> comparator(Tolerance t) {
        if (t instanceof Tolerance.Threshold th) {
            return Map.of("criteria", th.op().symbol(), "value", Numbers.format(th.bound()));
        }
        if (t instanceof Tolerance.Exact e) {
            return Map.of("criteria", "==", "value", Numbers.format(e.value()));
        }
        return null;
    }

    private static Map<String, Object> probe(String name, String type, Map<String, Object> inputs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("type", type);
        m.put(type + "/inputs", inputs);
        m.put("mode", "Continuous");
        m.put("runProperties", Map.of("probeTimeout", "5s", "interval", "2s", "retry", 1));
        return m;
    }
}
