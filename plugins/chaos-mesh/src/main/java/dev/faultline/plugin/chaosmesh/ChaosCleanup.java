package dev.faultline.plugin.chaosmesh;

import dev.faultline.engine.spi.BackendException;
import dev.faultline.plugin.kube.KubeErrors;
import dev.faultline.plugin.kube.KubeSettings;
import dev.faultline.plugin.kube.Names;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds Faultline's Chaos Mesh resources by label and removes them: the reset and kill-switch fallback. */
final class ChaosCleanup {
    private static final Logger log = LoggerFactory.getLogger(ChaosCleanup.class);

    private ChaosCleanup() {}

    /** Pauses then deletes every {@code kind} in {@code namespace} carrying the run label; returns how many. */
    static int deleteAll(KubernetesClient client, KubeSettings s, ChaosKind kind, String namespace)
            throws BackendException {
        var resources = client.genericKubernetesResources(kind.context()).inNamespace(namespace);
        List<GenericKubernetesResource> found;
        try {
            found = resources.withLabel(Names.RUN_LABEL).list().getItems();
        } catch (RuntimeException e) {
            if (KubeErrors.notFound(e)) {
                return 0; // the CRD is not installed, or the namespace is gone
            }
            throw KubeErrors.explain(s, "listing Faultline's " + kind.kind + " in " + namespace, e);
        }
        for (GenericKubernetesResource r : found) {
            String name = r.getMetadata().getName();
            try {
                resources
                        .withName(name)
                        .patch(
                                io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                                        io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                                ChaosStatus.PAUSE_PATCH);
            } catch (RuntimeException e) {
                log.warn("could not pause {} {}/{}: {}", kind.kind, namespace, name, e.getMessage());
            }
            try {
                resources.withName(name).delete();
                log.info("reset: deleted {} {}/{}", kind.kind, namespace, name);
            } catch (RuntimeException e) {
                if (!KubeErrors.notFound(e)) {
                    throw KubeErrors.explain(s, "deleting " + kind.kind + " " + namespace + "/" + name, e);
                }
            }
        }
        return found.size();
    }

    /** How many {@code kind} resources with the run label are left in {@code namespace}. */
    static int count(KubernetesClient client, KubeSettings s, ChaosKind kind, String namespace)
            throws BackendException {
        try {
            return client.genericKubernetesResources(kind.context())
                    .inNamespace(namespace)
                    .withLabel(Names.RUN_LABEL)
                    .list()
                    .getItems()
                    .size();
        } catch (RuntimeException e) {
            if (KubeErrors.notFound(e)) {
                return 0;
            }
            throw KubeErrors.explain(s, "listing Faultline's " + kind.kind + " in " + namespace, e);
        }
    }
}
