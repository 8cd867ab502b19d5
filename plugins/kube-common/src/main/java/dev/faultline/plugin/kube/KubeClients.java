package dev.faultline.plugin.kube;

import dev.faultline.engine.spi.BackendException;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.util.List;

/** Makes a client for the kubeconfig file and context of the settings, or says why it cannot. */
public final class KubeClients {
    private KubeClients() {}

    public static KubernetesClient open(KubeSettings s) throws BackendException {
        if (!s.kubeconfigReadable()) {
            throw new BackendException(
                    s.backend(),
                    "kubeconfig " + s.kubeconfig() + " does not exist or cannot be read;"
                            + " set 'kubeconfig' in the environment's settings");
        }
        io.fabric8.kubernetes.api.model.Config file;
        try {
            file = KubeConfigUtils.parseConfig(s.kubeconfig().toFile());
        } catch (RuntimeException e) {
            throw new BackendException(s.backend(), "kubeconfig " + s.kubeconfig() + " is not a valid kubeconfig file");
        }
        List<String> contexts = file.getContexts() == null
                ? List.of()
                : file.getContexts().stream().map(NamedContext::getName).toList();
        String context = s.context().isEmpty() ? String.valueOf(file.getCurrentContext()) : s.context();
        if (!contexts.contains(context)) {
            throw new BackendException(
                    s.backend(),
                    "unknown context '" + context + "' in " + s.kubeconfig() + " (it has: "
                            + (contexts.isEmpty() ? "none" : String.join(", ", contexts)) + ")");
        }
        Config config = Config.fromKubeconfig(context, s.kubeconfig().toFile());
        int ms = (int) Math.max(1, s.requestTimeout().toMillis());
        config.setRequestTimeout(ms);
        config.setConnectionTimeout(ms);
        config.setRequestRetryBackoffLimit(0);
        // The kill switch reverts every fault at once: the client's default of 5 requests per host
        // would queue the 50th DELETE behind 45 others and their status polls.
        config.setMaxConcurrentRequests(256);
        config.setMaxConcurrentRequestsPerHost(128);
        config.setNamespace(s.namespace());
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
