package dev.faultline.plugin.litmus;

import dev.faultline.engine.spi.BackendException;
import dev.faultline.plugin.kube.KubeErrors;
import dev.faultline.plugin.kube.KubeSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * What a Litmus fault needs in the cluster before its ChaosEngine is made: the target node, the
 * ChaosExperiment from the chaos hub and the service account the experiment runs as. Each missing
 * piece is refused in one line that says what to install or set.
 */
final class LitmusPrerequisites {
    private final KubeSettings settings;
    private final String serviceAccount;
    private final KubernetesClient client;

    LitmusPrerequisites(KubeSettings settings, String serviceAccount, KubernetesClient client) {
        this.settings = settings;
        this.serviceAccount = serviceAccount;
        this.client = client;
    }

    String node(LitmusTarget t) throws BackendException {
        if (t.node().isEmpty()) {
            return "nodes labelled " + t.nodeLabel();
        }
        try {
            if (client.nodes().withName(t.node()).get() == null) {
                throw new BackendException(
                        LitmusBackendProvider.ID, "node '" + t.node() + "' does not exist in " + settings.where());
            }
        } catch (KubernetesClientException e) {
            throw KubeErrors.explain(settings, "reading node " + t.node(), e);
        }
        return "node " + t.node();
    }

    void requireExperiment(String ns, String experiment) throws BackendException {
        try {
            if (client.genericKubernetesResources(LitmusKinds.EXPERIMENT)
                            .inNamespace(ns)
                            .withName(experiment)
                            .get()
                    == null) {
                throw new BackendException(
                        LitmusBackendProvider.ID,
                        "the ChaosExperiment '" + experiment + "' is not defined in namespace '"
                                + ns + "' of " + settings.where() + ": install it from the chaos hub"
                                + " (faults/kubernetes/" + experiment + "/fault.yaml)");
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                throw new BackendException(
                        LitmusBackendProvider.ID,
                        "LitmusChaos is not installed in " + settings.where()
                                + ": the chaosexperiments.litmuschaos.io CRD is missing",
                        e);
            }
            throw KubeErrors.explain(settings, "reading ChaosExperiment " + experiment, e);
        }
    }

    void requireServiceAccount(String ns) throws BackendException {
        try {
            if (client.serviceAccounts()
                            .inNamespace(ns)
                            .withName(serviceAccount)
                            .get()
                    == null) {
                throw new BackendException(
                        LitmusBackendProvider.ID,
                        "the service account '" + serviceAccount + "' does not exist in"
                                + " namespace '" + ns + "' of " + settings.where()
                                + "; create it with the experiment's RBAC"
                                + " or set 'serviceAccount'");
            }
        } catch (KubernetesClientException e) {
            throw KubeErrors.explain(settings, "reading service account " + serviceAccount, e);
        }
    }
}
