package dev.faultline.plugin.chaosmesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackendContract;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The engine's backend contract, against the mock API server with Chaos Mesh's CRD schemas. */
class ChaosMeshBackendIT extends FaultBackendContract {
    @TempDir
    Path dir;

    private ChaosMeshFixture fixture;

    @BeforeEach
    void startCluster() throws Exception {
        fixture = new ChaosMeshFixture(dir, true);
    }

    @AfterEach
    void everyManifestWasValid() {
        assertThat(fixture.cluster.rejected()).isEmpty();
        fixture.close();
    }

    @Override
    protected BackendSettings settings() {
        return fixture.settings();
    }

    /** The reset deletes every resource labelled with a run in the namespaces used. */
    @Override
    protected boolean resetRemovesTheFault() {
        return true;
    }

    @Override
    protected FaultBackendProvider provider() {
        return new ChaosMeshBackendProvider();
    }

    @Override
    protected FaultRequest request() {
        return FaultRequest.atShare(
                "run-1",
                "slow",
                new ProxyFault.Latency(Duration.ofMillis(300), Duration.ofMillis(50), 0.25),
                ChaosMeshFixture.PAYMENT,
                0.5,
                Duration.ofSeconds(30));
    }

    /** The NetworkChaos exists and the controller says it is injected and not recovered. */
    @Override
    protected boolean effectPresent(FaultHandle handle) {
        return fixture.resource("NetworkChaos", handle.data().require("name"))
                .filter(r -> ChaosStatus.condition(r, "AllInjected").orElse(false))
                .filter(r -> !ChaosStatus.condition(r, "AllRecovered").orElse(false))
                .isPresent();
    }
}
