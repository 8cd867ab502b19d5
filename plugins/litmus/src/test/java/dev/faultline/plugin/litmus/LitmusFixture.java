package dev.faultline.plugin.litmus;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.plugin.kube.CrdSchemas;
import dev.faultline.plugin.kube.MockCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mock cluster with LitmusChaos's CRDs (upstream schemas), namespace {@code shop} with four
 * {@code app=payment} pods, node {@code worker-1}, the service account {@code litmus-admin}, the
 * chaos hub's ChaosExperiment definitions, a kubeconfig with context {@code test}, and the
 * stand-in operator.
 */
final class LitmusFixture implements AutoCloseable {
    static final List<String> CRDS =
            List.of("/crds/chaosengine_crd.yaml", "/crds/chaosexperiment_crd.yaml", "/crds/chaosresults_crd.yaml");
    static final List<String> EXPERIMENTS = List.of(
            "pod-delete",
            "container-kill",
            "pod-network-latency",
            "pod-network-loss",
            "pod-network-corruption",
            "pod-network-duplication",
            "pod-cpu-hog",
            "pod-memory-hog",
            "disk-fill",
            "node-drain");
    static final Target PAYMENT = new Target("pods", Params.of("namespace", "shop", "labels", "app=payment"));
    final MockCluster cluster;
    final LitmusController operator;
    final Path kubeconfig;

    LitmusFixture(Path dir, boolean install) throws IOException {
        cluster = new MockCluster(new CrdSchemas(CRDS));
        cluster.namespace("shop")
                .pods("shop", Map.of("app", "payment"), "payment-0", "payment-1", "payment-2", "payment-3");
        cluster.admin()
                .nodes()
                .resource(new NodeBuilder()
                        .withNewMetadata()
                        .withName("worker-1")
                        .endMetadata()
                        .build())
                .create();
        if (install) {
            cluster.installCrds().serviceAccount("shop", "litmus-admin");
            for (String x : EXPERIMENTS) {
                experiment(x);
            }
        }
        kubeconfig = cluster.kubeconfig(dir, "test", MockCluster.TOKEN);
        operator = new LitmusController(cluster.admin(), "shop");
    }

    /** Installs a ChaosExperiment: the chaos hub's own fault.yaml where shared/crds has it, else a minimal one. */
    void experiment(String name) throws IOException {
        GenericKubernetesResource x;
        try (InputStream in = LitmusFixture.class.getResourceAsStream("/experiments/" + name + "-experiment.yaml")) {
            if (in != null) {
                x = Serialization.unmarshal(in, GenericKubernetesResource.class);
            } else {
                x = new GenericKubernetesResource();
                x.setApiVersion("litmuschaos.io/v1alpha1");
                x.setKind("ChaosExperiment");
                x.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                        .withName(name)
                        .build());
                x.setAdditionalProperty(
                        "spec",
                        Map.of(
                                "definition",
                                Map.of(
                                        "scope",
                                        "Namespaced",
                                        "image",
                                        "litmuschaos/go-runner:latest",
                                        "args",
                                        List.of("-c", "./experiments -name " + name),
                                        "command",
                                        List.of("/bin/bash"))));
            }
        }
        x.getMetadata().setNamespace("shop");
        cluster.admin()
                .genericKubernetesResources(LitmusKinds.EXPERIMENT)
                .inNamespace("shop")
                .resource(x)
                .create();
    }

    BackendSettings settings(String... more) {
        Params p = Params.of(
                "kubeconfig",
                kubeconfig.toString(),
                "context",
                "test",
                "namespace",
                "shop",
                "injectTimeout",
                "2s",
                "deleteTimeout",
                "2s",
                "requestTimeout",
                "2s",
                "prometheusUrl",
                "http://prometheus.monitoring:9090");
        for (int i = 0; i < more.length; i += 2) {
            p = p.with(more[i], more[i + 1]);
        }
        return new BackendSettings(LitmusBackendProvider.ID, p);
    }

    Optional<GenericKubernetesResource> engine(String name) {
        return Optional.ofNullable(cluster.admin()
                .genericKubernetesResources(LitmusKinds.ENGINE)
                .inNamespace("shop")
                .withName(name)
                .get());
    }

    @Override
    public void close() {
        operator.close();
        cluster.close();
    }
}
