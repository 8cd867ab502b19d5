package dev.faultline.plugin.litmus;

import dev.faultline.plugin.kube.Names;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for Litmus's chaos-operator and runner on the mock server: a new ChaosEngine gets the
 * operator's finalizer, {@code engineStatus: initialized} and a ChaosResult
 * {@code <engine>-<experiment>} in phase {@code Running}, verdict {@code Awaited}; a stopped engine
 * ({@code engineState: stop}) ends its ChaosResult ({@code Completed}, verdict {@link #verdict}); a
 * deleted one loses its finalizer.
 */
final class LitmusController implements AutoCloseable {
    static final String FINALIZER = "chaosengine.litmuschaos.io/finalizer";
    private final KubernetesClient client;
    private final String namespace;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "litmus-operator");
        t.setDaemon(true);
        return t;
    });
    volatile String verdict = "Pass";
    volatile String probeSuccess = "100";
    volatile boolean running = true;

    LitmusController(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
        thread.scheduleWithFixedDelay(this::reconcileQuietly, 0, 20, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops the operator, and returns only once a round already in flight has ended: an engine made
     * after this call is never run (setting {@code running} alone left a round that had already read
     * it true free to run the next engine).
     */
    void stop() throws Exception {
        running = false;
        thread.submit(() -> {}).get(5, TimeUnit.SECONDS);
    }

    private void reconcileQuietly() {
        try {
            if (running) {
                reconcile();
            }
        } catch (RuntimeException e) {
            System.err.println("litmus operator: " + e);
        }
    }

    @SuppressWarnings("unchecked")
    private void reconcile() {
        var engines = client.genericKubernetesResources(LitmusKinds.ENGINE).inNamespace(namespace);
        for (GenericKubernetesResource e :
                engines.withLabel(Names.RUN_LABEL).list().getItems()) {
            String name = e.getMetadata().getName();
            Map<String, Object> spec =
                    (Map<String, Object>) e.getAdditionalProperties().get("spec");
            String experiment = String.valueOf(
                    ((List<Map<String, Object>>) spec.get("experiments")).get(0).get("name"));
            String result = name + "-" + experiment;
            Object status = e.getAdditionalProperties().get("status");
            String engineStatus = status instanceof Map<?, ?> m ? String.valueOf(m.get("engineStatus")) : "";
            List<String> finalizers = e.getMetadata().getFinalizers();
            if (e.getMetadata().getDeletionTimestamp() != null) {
                engines.withName(name).edit(x -> {
                    x.getMetadata().setFinalizers(new ArrayList<>());
                    return x;
                });
            } else if (finalizers == null || !finalizers.contains(FINALIZER)) {
                engines.withName(name).edit(x -> {
                    x.getMetadata().setFinalizers(new ArrayList<>(List.of(FINALIZER)));
                    x.setAdditionalProperty(
                            "status",
                            Map.of(
                                    "engineStatus",
                                    "initialized",
                                    "experiments",
                                    List.of(Map.of("name", experiment, "status", "Running", "verdict", "Awaited"))));
                    return x;
                });
                writeResult(result, name, experiment, "Running", "Awaited", "Awaited");
            } else if ("stop".equals(spec.get("engineState")) && !engineStatus.equals("stopped")) {
                writeResult(result, name, experiment, "Completed", verdict, probeSuccess);
                engines.withName(name).edit(x -> {
                    x.setAdditionalProperty(
                            "status",
                            Map.of(
                                    "engineStatus",
                                    "stopped",
                                    "experiments",
                                    List.of(Map.of("name", experiment, "status", "Completed", "verdict", verdict))));
                    return x;
                });
            }
        }
    }

    private void writeResult(
            String result, String engine, String experiment, String phase, String verdict, String probes) {
        var results = client.genericKubernetesResources(LitmusKinds.RESULT).inNamespace(namespace);
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion("litmuschaos.io/v1alpha1");
        r.setKind("ChaosResult");
        r.setMetadata(new ObjectMetaBuilder()
                .withName(result)
                .withNamespace(namespace)
                .withLabels(Map.of("chaosUID", engine))
                .build());
        r.setAdditionalProperty("spec", Map.of("engine", engine, "experiment", experiment));
        r.setAdditionalProperty(
                "status",
                Map.of(
                        "experimentStatus",
                        Map.of("phase", phase, "verdict", verdict, "probeSuccessPercentage", probes)));
        results.resource(r).createOr(x -> x.update());
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
