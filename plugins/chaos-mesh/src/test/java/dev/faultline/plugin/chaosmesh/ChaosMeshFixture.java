package dev.faultline.plugin.chaosmesh;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.plugin.kube.CrdSchemas;
import dev.faultline.plugin.kube.MockCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mock cluster with Chaos Mesh's CRDs (upstream schemas), namespace {@code shop} with four
 * {@code app=payment} pods, a kubeconfig with context {@code test}, and the stand-in controller.
 */
final class ChaosMeshFixture implements AutoCloseable {
    static final List<String> CRDS = List.of(
                    "networkchaos",
                    "stresschaos",
                    "podchaos",
                    "httpchaos",
                    "iochaos",
                    "timechaos",
                    "dnschaos",
                    "jvmchaos")
            .stream()
            .map(k -> "/crds/chaos-mesh.org_" + k + ".yaml")
            .toList();
    static final Target PAYMENT = new Target("pods", Params.of("namespace", "shop", "labels", "app=payment"));
    final MockCluster cluster;
    final ChaosMeshController controller;
    final Path kubeconfig;

    ChaosMeshFixture(Path dir, boolean installCrds) throws IOException {
        cluster = new MockCluster(new CrdSchemas(CRDS));
        if (installCrds) {
            cluster.installCrds();
        }
        cluster.namespace("shop")
                .pods("shop", Map.of("app", "payment"), "payment-0", "payment-1", "payment-2", "payment-3")
                .pods("shop", Map.of("app", "db"), "db-0");
        kubeconfig = cluster.kubeconfig(dir, "test", MockCluster.TOKEN);
        controller = new ChaosMeshController(cluster.admin(), "shop");
    }

    BackendSettings settings() {
        return settings(kubeconfig, "test");
    }

    static BackendSettings settings(Path kubeconfig, String context, String... more) {
        Params p = Params.of(
                "kubeconfig",
                kubeconfig.toString(),
                "context",
                context,
                "namespace",
                "shop",
                "injectTimeout",
                "2s",
                "deleteTimeout",
                "1s",
                "requestTimeout",
                "2s");
        for (int i = 0; i < more.length; i += 2) {
            p = p.with(more[i], more[i + 1]);
        }
        return new BackendSettings(ChaosMeshBackendProvider.ID, p);
    }

    Optional<GenericKubernetesResource> resource(String kind, String name) {
        return Optional.ofNullable(cluster.admin()
                .genericKubernetesResources(ChaosKind.ofKind(kind).context())
                .inNamespace("shop")
                .withName(name)
                .get());
    }

    @Override
    public void close() {
        controller.close();
        cluster.close();
    }
}
