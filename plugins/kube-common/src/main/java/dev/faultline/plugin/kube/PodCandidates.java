package dev.faultline.plugin.kube;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.DiscoveredTarget;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code pods} targets a namespace offers an author: one per label its pods carry (the hashes
 * controllers add left out), with how many pods it matches now.
 */
public final class PodCandidates {
    /** Labels every pod of a controller carries with a different value: no use as a target. */
    private static final Set<String> NOISE =
            Set.of("pod-template-hash", "controller-revision-hash", "pod-template-generation");

    private static final int LIMIT = 200;

    private PodCandidates() {}

    /** One list of the pods in the settings' namespace; sorted by label. */
    public static List<DiscoveredTarget> list(io.fabric8.kubernetes.client.KubernetesClient client, KubeSettings s)
            throws BackendException {
        List<Pod> pods;
        try {
            pods = client.pods().inNamespace(s.namespace()).list().getItems();
        } catch (RuntimeException e) {
            throw KubeErrors.explain(s, "listing the pods in namespace '" + s.namespace() + "'", e);
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Pod p : pods) {
            Map<String, String> labels = p.getMetadata().getLabels();
            if (labels != null) {
                labels.forEach((k, v) -> {
                    if (!NOISE.contains(k)) {
                        counts.merge(k + "=" + v, 1, Integer::sum);
                    }
                });
            }
        }
        return counts.entrySet().stream()
                .limit(LIMIT)
                .map(e -> new DiscoveredTarget(
                        new Target("pods", Params.of("namespace", s.namespace(), "labels", e.getKey())),
                        "pods " + e.getKey() + " in " + s.namespace(),
                        OptionalInt.of(e.getValue())))
                .toList();
    }
}
