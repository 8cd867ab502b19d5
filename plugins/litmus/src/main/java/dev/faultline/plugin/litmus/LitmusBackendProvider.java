package dev.faultline.plugin.litmus;

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
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * LitmusChaos: faults as ChaosEngines running the chaos hub's experiments, with the hypothesis's
 * probes as Litmus probes where they fit, and the ChaosResult's verdict. Settings: those of
 * {@link KubeSettings}, plus {@code serviceAccount} (default {@value #DEFAULT_SERVICE_ACCOUNT}) and
 * {@code prometheusUrl} (the endpoint of promProbes when a probe names none).
 */
public final class LitmusBackendProvider implements FaultBackendProvider {
    public static final String ID = "litmus";
    public static final String DEFAULT_SERVICE_ACCOUNT = "litmus-admin";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "LitmusChaos ChaosEngines (pod-delete, container-kill, pod-network-*, pod-cpu-hog, pod-memory-hog,"
                + " disk-fill, node-drain)";
    }

    @Override
    public Set<Class<? extends Fault>> supportedFaults() {
        return FaultKinds.supportedBy(LitmusExperiment::supports);
    }

    @Override
    public Availability check(BackendSettings settings) {
        KubeSettings s = KubeSettings.from(settings);
        try (KubernetesClient client = KubeClients.open(s)) {
            List<String> missing = new ArrayList<>();
            for (ResourceDefinitionContext c :
                    List.of(LitmusKinds.ENGINE, LitmusKinds.EXPERIMENT, LitmusKinds.RESULT)) {
                try {
                    if (client.apiextensions()
                                    .v1()
                                    .customResourceDefinitions()
                                    .withName(LitmusKinds.crd(c))
                                    .get()
                            == null) {
                        missing.add(LitmusKinds.crd(c));
                    }
                } catch (RuntimeException e) {
                    return new Availability.Unavailable(KubeErrors.explain(s, "looking for the LitmusChaos CRDs", e)
                            .getMessage());
                }
            }
            if (!missing.isEmpty()) {
                return new Availability.Unavailable("LitmusChaos is not installed in " + s.where() + ": CRD(s) "
                        + String.join(", ", missing) + " missing");
            }
            return new Availability.Available("LitmusChaos CRDs found in " + s.where());
        } catch (BackendException e) {
            return new Availability.Unavailable(e.getMessage());
        }
    }

    @Override
    public FaultBackend create(BackendSettings settings) throws BackendException {
        KubeSettings s = KubeSettings.from(settings);
        return new LitmusBackend(
                s,
                settings.values().get("serviceAccount").orElse(DEFAULT_SERVICE_ACCOUNT),
                settings.values().get("prometheusUrl").orElse(""),
                KubeClients.open(s),
                Clock.systemUTC());
    }
}
