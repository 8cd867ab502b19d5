package dev.faultline.plugin.litmus;

import dev.faultline.engine.spi.BackendException;
import dev.faultline.plugin.kube.KubeErrors;
import dev.faultline.plugin.kube.KubeSettings;
import dev.faultline.plugin.kube.Names;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's ChaosEngines and ChaosResults as the Litmus backend uses them: created, stopped,
 * deleted, read and waited for, each failure explained in the cluster's terms.
 */
final class ChaosEngines {
    private static final Duration POLL = Duration.ofMillis(50);
    private final KubeSettings settings;
    private final KubernetesClient client;
    private final Clock clock;

    ChaosEngines(KubeSettings settings, KubernetesClient client, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.clock = clock;
    }

    /** Creates the engine; one that exists already (a retried injection) is kept. */
    void create(String ns, String name, GenericKubernetesResource engine) throws BackendException {
        try {
            in(ns).resource(engine).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                throw new BackendException(
                        LitmusBackendProvider.ID,
                        "LitmusChaos is not installed in " + settings.where()
                                + ": the chaosengines.litmuschaos.io CRD is missing",
                        e);
            }
            if (e.getCode() != 409) {
                throw KubeErrors.explain(settings, "creating ChaosEngine " + ns + "/" + name, e);
            }
        } catch (RuntimeException e) {
            throw KubeErrors.explain(settings, "creating ChaosEngine " + ns + "/" + name, e);
        }
    }

    /** Sets {@code engineState: stop}; an engine that is gone already is stopped. */
    void stop(String ns, String name) throws BackendException {
        try {
            in(ns).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"engineState\":\"stop\"}}");
        } catch (RuntimeException e) {
            if (!KubeErrors.notFound(e)) {
                throw KubeErrors.explain(settings, "stopping ChaosEngine " + ns + "/" + name, e);
            }
        }
    }

    /** Deletes the engine; one that is gone already is deleted. */
    void delete(String ns, String name) throws BackendException {
        try {
            in(ns).withName(name).delete();
        } catch (RuntimeException e) {
            if (!KubeErrors.notFound(e)) {
                throw KubeErrors.explain(settings, "deleting ChaosEngine " + ns + "/" + name, e);
            }
        }
    }

    /** Faultline's engines (labelled with a run) in {@code ns}; none where Litmus is not installed. */
    List<GenericKubernetesResource> faultlines(String ns) throws BackendException {
        try {
            return in(ns).withLabel(Names.RUN_LABEL).list().getItems();
        } catch (RuntimeException e) {
            if (KubeErrors.notFound(e)) {
                return List.of();
            }
            throw KubeErrors.explain(settings, "listing Faultline's ChaosEngines in " + ns, e);
        }
    }

    Optional<GenericKubernetesResource> get(String ns, String name) throws BackendException {
        try {
            return Optional.ofNullable(in(ns).withName(name).get());
        } catch (RuntimeException e) {
            throw KubeErrors.explain(settings, "reading ChaosEngine " + ns + "/" + name, e);
        }
    }

    /** The ChaosResult's {@code status.experimentStatus}, if it has one. */
    Optional<Map<?, ?>> resultStatus(String ns, String result) throws BackendException {
        try {
            GenericKubernetesResource r = client.genericKubernetesResources(LitmusKinds.RESULT)
                    .inNamespace(ns)
                    .withName(result)
                    .get();
            if (r == null
                    || !(r.getAdditionalProperties().get("status") instanceof Map<?, ?> s)
                    || !(s.get("experimentStatus") instanceof Map<?, ?> x)) {
                return Optional.empty();
            }
            return Optional.of(x);
        } catch (RuntimeException e) {
            throw KubeErrors.explain(settings, "reading ChaosResult " + ns + "/" + result, e);
        }
    }

    Optional<String> phase(String ns, String result) throws BackendException {
        return resultStatus(ns, result).map(s -> String.valueOf(s.get("phase")));
    }

    /** The ChaosResult's verdict: "verdict Pass (probes 100%)", or why there is none. */
    String verdict(String ns, String result) throws BackendException {
        Optional<Map<?, ?>> status = resultStatus(ns, result);
        if (status.isEmpty()) {
            return "no ChaosResult " + result;
        }
        Object probePct = status.get().get("probeSuccessPercentage");
        return "ChaosResult " + result + " verdict " + status.get().get("verdict")
                + (probePct == null ? "" : " (probes " + probePct + "%)");
    }

    interface Check {
        boolean done() throws BackendException;
    }

    /** Polls {@code check} until it is done (true) or {@code within} has passed (false). */
    boolean await(Duration within, Check check) throws BackendException {
        Instant end = clock.instant().plus(within);
        while (!check.done()) {
            if (!clock.instant().isBefore(end)) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException(LitmusBackendProvider.ID, "interrupted");
            }
        }
        return true;
    }

    private NonNamespaceOperation<
                    GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            in(String ns) {
        return client.genericKubernetesResources(LitmusKinds.ENGINE).inNamespace(ns);
    }
}
