package dev.faultline.plugin.chaosmesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.DiscoveredTarget;
import dev.faultline.engine.spi.TargetDiscovery;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pods by label with the live count, listed from fabric8's mock server in CRUD mode. */
class ChaosMeshTargetListingIT {
    @TempDir
    Path dir;

    @Test
    void eachLabelOfTheNamespacesPodsIsATargetWithHowManyItMatchesNow() throws Exception {
        try (ChaosMeshFixture fixture = new ChaosMeshFixture(dir, true);
                var backend = new ChaosMeshBackendProvider().create(fixture.settings())) {
            TargetDiscovery discovery = (TargetDiscovery) backend;

            assertThat(discovery.listTargets("pods"))
                    .containsExactly(
                            new DiscoveredTarget(
                                    new Target("pods", Params.of("namespace", "shop", "labels", "app=db")),
                                    "pods app=db in shop",
                                    OptionalInt.of(1)),
                            new DiscoveredTarget(
                                    ChaosMeshFixture.PAYMENT, "pods app=payment in shop", OptionalInt.of(4)));
            assertThat(discovery.findTarget(ChaosMeshFixture.PAYMENT)).startsWith("4 pod(s)");

            fixture.cluster.pods("shop", Map.of("app", "payment"), "payment-4");
            assertThat(discovery.listTargets("pods"))
                    .filteredOn(d -> d.target().equals(ChaosMeshFixture.PAYMENT))
                    .singleElement()
                    .satisfies(d -> assertThat(d.matches()).hasValue(5));
            assertThat(discovery.listTargets("process")).isEmpty();
        }
    }
}
