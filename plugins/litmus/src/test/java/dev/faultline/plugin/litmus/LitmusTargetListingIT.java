package dev.faultline.plugin.litmus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.DiscoveredTarget;
import dev.faultline.engine.spi.TargetDiscovery;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pods by label with the live count, and the cluster's nodes, listed from fabric8's mock server in CRUD mode. */
class LitmusTargetListingIT {
    @TempDir
    Path dir;

    @Test
    void eachLabelOfTheNamespacesPodsIsATargetWithHowManyItMatchesNow() throws Exception {
        try (LitmusFixture fixture = new LitmusFixture(dir, true);
                var backend = new LitmusBackendProvider().create(fixture.settings())) {
            TargetDiscovery discovery = (TargetDiscovery) backend;

            assertThat(discovery.listTargets("pods"))
                    .containsExactly(
                            new DiscoveredTarget(LitmusFixture.PAYMENT, "pods app=payment in shop", OptionalInt.of(4)));
            assertThat(discovery.findTarget(LitmusFixture.PAYMENT)).startsWith("4 pod(s)");

            fixture.cluster.pods("shop", Map.of("app", "payment"), "payment-4");
            fixture.cluster.pods("shop", Map.of("app", "cart", "pod-template-hash", "5d8f"), "cart-0");
            List<DiscoveredTarget> now = discovery.listTargets("pods");
            assertThat(now)
                    .filteredOn(d -> d.target().equals(LitmusFixture.PAYMENT))
                    .singleElement()
                    .satisfies(d -> assertThat(d.matches()).hasValue(5));
            assertThat(now)
                    .as("a controller's hash is no target")
                    .extracting(d -> d.target().selector().require("labels"))
                    .containsExactly("app=cart", "app=payment");
            assertThat(discovery.listTargets("process")).isEmpty();
        }
    }

    @Test
    void theClustersNodesAreTargetsByName() throws Exception {
        try (LitmusFixture fixture = new LitmusFixture(dir, true);
                var backend = new LitmusBackendProvider().create(fixture.settings())) {
            TargetDiscovery discovery = (TargetDiscovery) backend;

            List<DiscoveredTarget> nodes = discovery.listTargets("nodes");

            Target worker = new Target("nodes", Params.of("name", "worker-1"));
            assertThat(nodes).extracting(DiscoveredTarget::target).containsExactly(worker);
            assertThat(nodes.getFirst().description()).startsWith("node worker-1 of ");
            assertThat(discovery.findTarget(worker)).isEqualTo("node worker-1");
        }
    }
}
