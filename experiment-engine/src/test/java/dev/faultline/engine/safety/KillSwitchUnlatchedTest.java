package dev.faultline.engine.safety;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedProbes;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill switch engaged where its latch cannot be written (a full disk; here the latch's temporary
 * file is blocked by a directory) must stay engaged: its own latch watcher must not take the
 * missing file for a release from elsewhere.
 */
class KillSwitchUnlatchedTest {
    @TempDir
    Path home;

    @Test
    void staysEngagedWhenItsLatchCouldNotBeWritten() throws Exception {
        Files.createDirectories(
                home.resolve("killswitch.latch.tmp" + ProcessHandle.current().pid()));
        SimulatedSystem system = new SimulatedSystem().metric("latency", 100).target("proxy/a");
        try (TestRig rig = new TestRig(
                home,
                List.of(new SimulatedBackendProvider(new SimulatedBackend(system))),
                List.of(new SimulatedProbes(system)))) {
            rig.killSwitch.halt(HaltReason.killSwitch("disk full drill")).get(5, TimeUnit.SECONDS);
            assertThat(home.resolve("killswitch.latch")).doesNotExist();

            Thread.sleep(1_000); // five looks of the latch watcher

            assertThat(rig.killSwitch.isEngaged())
                    .as("still engaged after the watcher looked")
                    .isTrue();
            assertThatThrownBy(() -> rig.runner.start(
                            experiment()
                                    .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                                    .fault("a", 0, Duration.ofSeconds(5), "a")
                                    .build(),
                            TestRig.environment(),
                            List.of()))
                    .isInstanceOf(KillSwitchEngagedException.class)
                    .hasMessageContaining("disk full drill");
        }
    }
}
