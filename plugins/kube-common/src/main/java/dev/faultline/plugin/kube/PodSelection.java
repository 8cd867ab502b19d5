package dev.faultline.plugin.kube;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.spi.BackendException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * The pods a target really matches on the cluster, and how many of them a fault would hit: the
 * pre-flight check that a runbook never selects more than its blast radius allows.
 *
 * @param pods     the names of the matching pods
 * @param affected how many the fault hits
 */
public record PodSelection(PodTarget target, List<String> pods, int affected) {
    public PodSelection {
        pods = List.copyOf(pods);
    }

    /** Lists the matching pods; refuses a missing namespace and a selector matching nothing. */
    public static List<String> matching(KubernetesClient client, KubeSettings s, PodTarget t) throws BackendException {
        try {
            if (client.namespaces().withName(t.namespace()).get() == null) {
                throw new BackendException(
                        s.backend(), "namespace '" + t.namespace() + "' does not exist in " + s.where());
            }
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            if (e.getCode() != 403) { // a user who may not read namespaces can still list pods
                throw KubeErrors.explain(s, "reading namespace '" + t.namespace() + "'", e);
            }
        }
        List<Pod> found;
        try {
            var pods = client.pods().inNamespace(t.namespace());
            var selected = t.labels().isEmpty() ? pods : pods.withLabels(t.labels());
            found = (t.fields().isEmpty() ? selected : selected.withFields(t.fields()))
                    .list()
                    .getItems();
        } catch (RuntimeException e) {
            throw KubeErrors.explain(s, "listing " + t.describe(), e);
        }
        List<String> names = found.stream()
                .map(p -> p.getMetadata().getName())
                .filter(n -> t.podNames().isEmpty() || t.podNames().contains(n))
                .sorted()
                .toList();
        if (names.isEmpty()) {
            throw new BackendException(s.backend(), "the selector " + t.describe() + " matches no pod in " + s.where());
        }
        return names;
    }

    /**
     * @param affected how many of {@code pods} the fault would hit, as the fault tool counts them
     * @throws BackendException when that is none, or more than the blast radius allows
     */
    public static PodSelection check(
            KubeSettings s, PodTarget t, List<String> pods, int affected, double share, BlastRadius br)
            throws BackendException {
        int n = pods.size();
        if (affected < 1) {
            throw new BackendException(
                    s.backend(),
                    "share " + pct(share) + " of the " + n + " pod(s) of " + t.describe()
                            + " hits none: raise the share or give the target a count");
        }
        if (affected > br.maxTargets()) {
            throw new BackendException(
                    s.backend(),
                    "the fault would hit " + affected + " of the " + n + " pods of " + t.describe()
                            + ", more than the blast radius maxTargets of " + br.maxTargets());
        }
        if ((double) affected / n > br.maxShare() + 1e-9) {
            throw new BackendException(
                    s.backend(),
                    "the fault would hit " + affected + " of the " + n + " pods of "
                            + t.describe() + " (" + pct((double) affected / n)
                            + "), above the blast radius maxShare of "
                            + pct(br.maxShare()));
        }
        return new PodSelection(t, pods, affected);
    }

    /** For the pre-flight report: "3 pods match pods app=payment in shop (a, b, c); the fault hits 1". */
    public String describe() {
        List<String> shown = pods.size() > 10 ? pods.subList(0, 10) : pods;
        return pods.size() + " pod(s) match " + target.describe() + " (" + String.join(", ", shown)
                + (pods.size() > shown.size() ? ", ..." : "") + "); the fault hits " + affected;
    }

    private static String pct(double share) {
        return Numbers.format(share * 100) + "%";
    }
}
