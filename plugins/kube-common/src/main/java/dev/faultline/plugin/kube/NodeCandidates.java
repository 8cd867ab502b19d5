package dev.faultline.plugin.kube;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.DiscoveredTarget;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;

/** The {@code nodes} targets a cluster offers an author: each node by name, with whether it is ready. */
public final class NodeCandidates {
    private static final int LIMIT = 200;

    private NodeCandidates() {}

    /** One list of the cluster's nodes, sorted by name. */
    public static List<DiscoveredTarget> list(KubernetesClient client, KubeSettings s) throws BackendException {
        List<Node> nodes;
        try {
            nodes = client.nodes().list().getItems();
        } catch (RuntimeException e) {
            throw KubeErrors.explain(s, "listing the nodes", e);
        }
        return nodes.stream()
                .map(n -> n.getMetadata().getName())
                .sorted(Comparator.naturalOrder())
                .limit(LIMIT)
                .map(name -> DiscoveredTarget.single(
                        new Target("nodes", Params.of("name", name)), "node " + name + " of " + s.where()))
                .toList();
    }
}
