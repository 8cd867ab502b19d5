package dev.faultline.plugin.chaosmesh;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.FaultKinds;
import dev.faultline.engine.spi.Availability;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.plugin.kube.KubeClients;
import dev.faultline.plugin.kube.KubeErrors;
import dev.faultline.plugin.kube.KubeSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Chaos Mesh: network, stress, pod, HTTP, I/O, time and DNS faults as Chaos Mesh custom resources
 * in the cluster of the environment's kubeconfig context. Settings: see {@link KubeSettings}.
 */
public final class ChaosMeshBackendProvider implements FaultBackendProvider {
    public static final String ID = "chaos-mesh";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Chaos Mesh custom resources (NetworkChaos, StressChaos, PodChaos, HTTPChaos, IOChaos, TimeChaos, DNSChaos,"
                + " JVMChaos)";
    }

    @Override
    public Set<Class<? extends Fault>> supportedFaults() {
        return FaultKinds.supportedBy(ChaosManifests::supports);
    }

    /** The kubeconfig and context are usable, the API server answers, and Chaos Mesh's CRDs are installed. */
    @Override
    public Availability check(BackendSettings settings) {
        KubeSettings s = KubeSettings.from(settings);
        try (KubernetesClient client = KubeClients.open(s)) {
            List<String> missing = new ArrayList<>();
            for (ChaosKind k : ChaosKind.values()) {
                try {
                    if (client.apiextensions()
                                    .v1()
                                    .customResourceDefinitions()
                                    .withName(k.crd())
                                    .get()
                            == null) {
                        missing.add(k.crd());
                    }
                } catch (RuntimeException e) {
                    return new Availability.Unavailable(KubeErrors.explain(s, "looking for the Chaos Mesh CRDs", e)
                            .getMessage());
                }
            }
            if (missing.size() == ChaosKind.values().length) {
                return new Availability.Unavailable("Chaos Mesh is not installed in " + s.where()
                        + ": none of its CRDs (" + ChaosKind.NETWORK.crd() + ", ...) exists");
            }
            if (!missing.isEmpty()) {
                return new Availability.Unavailable("Chaos Mesh in " + s.where() + " lacks the CRD(s) "
                        + String.join(", ", missing) + ": install or upgrade Chaos Mesh (2.x)");
            }
            return new Availability.Available("Chaos Mesh CRDs found in " + s.where());
        } catch (BackendException e) {
            return new Availability.Unavailable(e.getMessage());
        }
    }

    @Override
    public FaultBackend create(BackendSettings settings) throws BackendException {
        KubeSettings s = KubeSettings.from(settings);
        return new ChaosMeshBackend(s, KubeClients.open(s), Clock.systemUTC());
    }
}
