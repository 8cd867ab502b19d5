package dev.faultline.plugin.litmus;

import dev.faultline.plugin.kube.Names;
import dev.faultline.plugin.kube.PodTarget;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ChaosEngine manifest, with the fields of the chaos-operator's CRD. */
final class LitmusEngine {
    private LitmusEngine() {}

    static GenericKubernetesResource of(
            String ns,
            String name,
            String run,
            LitmusTarget t,
            LitmusExperiment x,
            String serviceAccount,
            double share,
            Duration duration,
            List<Map<String, Object>> probes) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TOTAL_CHAOS_DURATION", Long.toString(Math.max(1, duration.toSeconds())));
        if (t.pods().isPresent()) {
            PodTarget p = t.pods().get();
            if (!p.podNames().isEmpty()) {
                env.put("TARGET_PODS", String.join(",", p.podNames()));
            } else {
                env.put("PODS_AFFECTED_PERC", Integer.toString(LitmusBackend.percent(share)));
            }
        } else if (!t.node().isEmpty()) {
            env.put("TARGET_NODE", t.node());
        } else {
            env.put("NODE_LABEL", t.nodeLabel());
        }
        env.putAll(x.env());
        List<Map<String, String>> envList = new ArrayList<>();
        env.forEach((k, v) -> envList.add(Map.of("name", k, "value", v)));
        Map<String, Object> expSpec = new LinkedHashMap<>();
        expSpec.put("components", Map.of("env", envList));
        if (!probes.isEmpty()) {
            expSpec.put("probe", probes);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("engineState", "active");
        spec.put("chaosServiceAccount", serviceAccount);
        spec.put("jobCleanUpPolicy", "delete");
        t.pods().ifPresent(p -> {
            Map<String, Object> appinfo = new LinkedHashMap<>();
            appinfo.put("appns", p.namespace());
            appinfo.put(
                    "applabel",
                    String.join(
                            ",",
                            p.labels().entrySet().stream()
                                    .map(e -> e.getKey() + "=" + e.getValue())
                                    .toList()));
            appinfo.put("appkind", "");
            spec.put("appinfo", appinfo);
        });
        spec.put("experiments", List.of(Map.of("name", x.name(), "spec", expSpec)));
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion(LitmusKinds.GROUP + "/" + LitmusKinds.VERSION);
        r.setKind("ChaosEngine");
        r.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(ns)
                .withLabels(Map.of(Names.RUN_LABEL, run, Names.FAULT_LABEL, name, Names.MANAGED_BY, "faultline"))
                .build());
        r.setAdditionalProperty("spec", spec);
        return r;
    }
}
