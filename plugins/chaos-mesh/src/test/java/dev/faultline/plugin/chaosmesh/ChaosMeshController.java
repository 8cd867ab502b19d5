package dev.faultline.plugin.chaosmesh;

import dev.faultline.plugin.kube.Names;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for Chaos Mesh's chaos-controller-manager on the mock server, updating what the CRDs
 * define: on a new resource it adds the {@code chaos-mesh/records} finalizer and sets the
 * conditions {@code Selected}, {@code AllInjected}=True, {@code AllRecovered}=False; on the pause
 * annotation it recovers ({@code Paused}=True, {@code AllRecovered}=True); on deletion it recovers
 * and removes its finalizer. {@code stuck} makes it ignore deletions (a hung controller).
 */
final class ChaosMeshController implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChaosMeshController.class);
    static final String FINALIZER = "chaos-mesh/records";
    private final KubernetesClient client;
    private final List<String> namespaces;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "chaos-mesh-controller");
        t.setDaemon(true);
        return t;
    });
    volatile boolean stuck;
    volatile boolean running = true;

    ChaosMeshController(KubernetesClient client, String... namespaces) {
        this.client = client;
        this.namespaces = List.of(namespaces);
        thread.scheduleWithFixedDelay(this::reconcileQuietly, 0, 20, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops reconciling, and returns only once a round already in flight has ended: a resource made
     * after this call is never touched (setting {@code running} alone left a round that had already
     * read it true free to confirm the next resource).
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
            // the next round tries again, as a controller does
            log.debug("controller round failed, retrying", e);
        } catch (Throwable t) {
            log.error("controller died", t);
            throw t;
        }
    }

    private void reconcile() {
        for (String ns : namespaces) {
            for (ChaosKind k : ChaosKind.values()) {
                var api = client.genericKubernetesResources(k.context()).inNamespace(ns);
                for (GenericKubernetesResource r :
                        api.withLabel(Names.RUN_LABEL).list().getItems()) {
                    boolean deleting = r.getMetadata().getDeletionTimestamp() != null;
                    boolean paused = ChaosStatus.paused(r);
                    List<String> finalizers = r.getMetadata().getFinalizers();
                    if (deleting && !stuck) {
                        api.withName(r.getMetadata().getName()).edit(x -> {
                            x.setAdditionalProperty("status", status(false, true, paused));
                            x.getMetadata().setFinalizers(new ArrayList<>());
                            return x;
                        });
                    } else if (!deleting && (finalizers == null || !finalizers.contains(FINALIZER))) {
                        api.withName(r.getMetadata().getName()).edit(x -> {
                            x.getMetadata().setFinalizers(new ArrayList<>(List.of(FINALIZER)));
                            x.setAdditionalProperty("status", status(!paused, paused, paused));
                            return x;
                        });
                    } else if (!deleting
                            && paused
                            && !ChaosStatus.condition(r, "Paused").orElse(false)) {
                        api.withName(r.getMetadata().getName()).edit(x -> {
                            x.setAdditionalProperty("status", status(false, true, true));
                            return x;
                        });
                    }
                }
            }
        }
    }

    private static Map<String, Object> status(boolean injected, boolean recovered, boolean paused) {
        return Map.of(
                "conditions",
                List.of(
                        condition("Selected", true), condition("AllInjected", injected),
                        condition("AllRecovered", recovered), condition("Paused", paused)),
                "experiment",
                Map.of("desiredPhase", injected ? "Run" : "Stop"));
    }

    private static Map<String, Object> condition(String type, boolean status) {
        return Map.of("type", type, "status", status ? "True" : "False");
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
