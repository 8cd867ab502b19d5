package dev.faultline.engine.safety;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.run.RunHandle;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedProbes;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.SmallTmpfs;
import dev.faultline.engine.testkit.TestRig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kill switch pressed in a process whose FAULTLINE_HOME is full (a 256 KiB tmpfs, filled for real). */
class KillSwitchFullDiskIT {
    @TempDir
    Path tmp;

    private final SimulatedSystem system =
            new SimulatedSystem().metric("latency", 100).target("proxy/a");
    private final SimulatedBackend backend = new SimulatedBackend(system);
    private SmallTmpfs disk;
    private TestRig rig;

    @BeforeEach
    void wire() throws Exception {
        disk = SmallTmpfs.mount(tmp.resolve("home"), "256k");
        rig = new TestRig(
                disk.dir(), List.of(new SimulatedBackendProvider(backend)), List.of(new SimulatedProbes(system)));
    }

    @AfterEach
    void unwire() throws Exception {
        rig.close();
        disk.close();
    }

    @Test
    void aHaltWhoseLatchCannotBeWrittenStillHaltsRevertsAndStaysEngagedSayingWhyInOneLine() throws Exception {
        RunHandle run = rig.runner.start(
                experiment()
                        .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                        .fault("a", 0, Duration.ofSeconds(30), "a")
                        .build(),
                TestRig.environment(),
                List.of());
        for (int i = 0; i < 200 && system.faultsInEffect() == 0; i++) {
            Thread.sleep(25);
        }
        assertThat(system.faultsInEffect()).isOne();
        disk.fill();

        PrintStream err = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        HaltReport report;
        try {
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
            report = rig.killSwitch.halt(HaltReason.killSwitch("disk full")).get(10, TimeUnit.SECONDS);
        } finally {
            System.setErr(err);
        }

        assertThat(report.allConfirmedGone()).as(report.outcomes().toString()).isTrue();
        assertThat(system.faultsInEffect()).isZero();
        assertThat(report.notLatched()).contains("could not be latched").contains("no space left on the device");
        RunResult r = run.result().get(20, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(RunOutcome.HALTED);
        String log = logged.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("could not be latched").doesNotContain("\tat ").doesNotContain("Exception");

        // No latch file is not a release by another process: the halt holds here (5 watches later too).
        Thread.sleep(1_000);
        assertThat(rig.killSwitch.isEngaged()).isTrue();
        assertThatThrownBy(rig.killSwitch::ensureReleased).isInstanceOf(KillSwitchEngagedException.class);
        assertThat(Files.list(disk.dir()).map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp"));

        // With room again, the latch is written for the other processes.
        disk.free();
        for (int i = 0; i < 100 && !Files.exists(disk.dir().resolve("killswitch.latch")); i++) {
            Thread.sleep(50);
        }
        assertThat(disk.dir().resolve("killswitch.latch")).exists();
        assertThat(rig.killSwitch.latchProblem()).isEmpty();
    }
}
