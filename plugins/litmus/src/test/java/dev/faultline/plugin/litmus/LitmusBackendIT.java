package dev.faultline.plugin.litmus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackendContract;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The engine's backend contract, against the mock API server with LitmusChaos's CRD schemas. */
class LitmusBackendIT extends FaultBackendContract {
    @TempDir
    Path dir;

    private LitmusFixture fixture;

    @BeforeEach
    void startCluster() throws Exception {
        fixture = new LitmusFixture(dir, true);
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
        return new LitmusBackendProvider();
    }

    @Override
    protected FaultRequest request() {
        return FaultRequest.atShare(
                "run-1",
                "kill",
                new PodFault.PodKill(Duration.ZERO),
                LitmusFixture.PAYMENT,
                0.5,
                Duration.ofSeconds(30));
    }

    /** The engine exists, is active, and its ChaosResult runs. */
    @Override
    protected boolean effectPresent(FaultHandle handle) {
        return fixture.engine(handle.data().require("name"))
                .filter(e ->
                        "active".equals(((Map<?, ?>) e.getAdditionalProperties().get("spec")).get("engineState")))
                .isPresent();
    }
}
