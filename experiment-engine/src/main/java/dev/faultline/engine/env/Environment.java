package dev.faultline.engine.env;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.spi.BackendSettings;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where experiments run: the backends' settings there, whether it is production (every run asks
 * for confirmation), and whether Faultline starts the local sandbox for it. The settings under
 * {@value #KUBERNETES} (context, kubeconfig, namespaces) are shared by every Kubernetes backend.
 */
public record Environment(String name, boolean production, boolean sandbox, Map<String, BackendSettings> backends) {
    /** The pseudo-backend whose settings the Kubernetes backends share. */
    public static final String KUBERNETES = "kubernetes";
    /** The backends that read the shared {@value #KUBERNETES} settings. */
    public static final Set<String> KUBERNETES_BACKENDS = Set.of("chaos-mesh", "litmus");

    public Environment {
        Objects.requireNonNull(name, "name");
        backends = Map.copyOf(backends);
    }

    /**
     * The settings of a backend (or probe type) here; a backend without any gets empty settings.
     * A Kubernetes backend gets the shared Kubernetes settings, overridden by its own.
     */
    public BackendSettings settingsFor(String backend) {
        BackendSettings own = backends.getOrDefault(backend, BackendSettings.empty(backend));
        BackendSettings kube = backends.get(KUBERNETES);
        if (kube == null || !KUBERNETES_BACKENDS.contains(backend)) {
            return own;
        }
        Map<String, String> merged = new TreeMap<>(kube.values().values());
        merged.putAll(own.values().values());
        return new BackendSettings(backend, new Params(merged));
    }
}
