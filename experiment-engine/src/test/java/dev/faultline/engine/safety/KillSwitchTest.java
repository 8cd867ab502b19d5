package dev.faultline.engine.safety;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.Experiment;
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
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KillSwitchTest {
    @TempDir
    Path home;

    private final SimulatedSystem system = new SimulatedSystem()
            .metric("latency", 100)
            .target("proxy/a")
            .target("proxy/b")
            .target("proxy/c");
    private final SimulatedBackend backend = new SimulatedBackend(system);
    private TestRig rig;

    @BeforeEach
    void wire() {
        rig = new TestRig(home, List.of(new SimulatedBackendProvider(backend)), List.of(new SimulatedProbes(system)));
    }

    @AfterEach
    void unwire() {
        rig.close();
    }

    private Experiment threeLongFaults() {
        return experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .fault("a", 0, Duration.ofSeconds(30), "a")
                .fault("b", 1, Duration.ofSeconds(30), "b")
                .fault("c", 2, Duration.ofSeconds(30), "c")
                .build();
    }

    private void awaitFaultsInEffect(int n) throws InterruptedException {
        for (int i = 0; i < 200 && system.faultsInEffect() < n; i++) {
            Thread.sleep(25);
        }
        assertThat(system.faultsInEffect()).isEqualTo(n);
    }

    @Test
    void haltRevertsEveryActiveFaultAndConfirmsEachGone() throws Exception {
        RunHandle run = rig.runner.start(threeLongFaults(), TestRig.environment(), List.of());
        awaitFaultsInEffect(3);
        List<String> progress = new CopyOnWriteArrayList<>();
        rig.killSwitch.addListener(new KillSwitchListener() {
            @Override
            public void progress(int done, int total, RevertOutcome last) {
                progress.add("reverting " + done + "/" + total);
            }
        });

        HaltReport report = rig.killSwitch.halt(HaltReason.killSwitch("test")).get(10, TimeUnit.SECONDS);

        assertThat(report.outcomes()).hasSize(3).allMatch(o -> o.reverted() && o.confirmed());
        assertThat(report.allConfirmedGone()).isTrue();
        assertThat(progress).contains("reverting 3/3");
        assertThat(system.faultsInEffect()).isZero();
        RunResult r = run.result().get(10, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(RunOutcome.HALTED);
        assertThat(r.faults()).hasSize(3).allMatch(f -> f.confirmedGone() && f.timeToRecovery() != null);
        assertThat(rig.journal.openFaults()).isEmpty();
    }

    @Test
    void engagedKillSwitchRefusesNewRunsUntilReleasedWithAReason() throws Exception {
        rig.killSwitch.halt(HaltReason.killSwitch("drill")).get(5, TimeUnit.SECONDS);

        assertThatThrownBy(() -> rig.runner.start(threeLongFaults(), TestRig.environment(), List.of()))
                .isInstanceOf(KillSwitchEngagedException.class)
                .hasMessageContaining("(drill)")
                .hasMessageNotContaining("kill switch: ") // the reason said once, without its source again
                .hasMessageContaining("faultline release");
        assertThat(rig.killSwitch.engagement().orElseThrow().reason()).isEqualTo("kill switch: drill");
        assertThat(rig.killSwitch.engagement().orElseThrow().detail()).isEqualTo("drill");
        assertThatThrownBy(() -> rig.killSwitch.release(" ")).isInstanceOf(IllegalArgumentException.class);

        assertThat(rig.killSwitch.release("drill over")).isTrue();
        RunHandle run = rig.runner.start(threeLongFaults(), TestRig.environment(), List.of());
        awaitFaultsInEffect(3);
        run.halt(new HaltReason(HaltReason.Source.SIGNAL, "test done"));
        run.result().get(10, TimeUnit.SECONDS);
        assertThat(system.faultsInEffect()).isZero();
    }

    @Test
    void haltDuringAnInjectionInFlightStillLeavesNothingBehind() throws Exception {
        backend.injectTakes(Duration.ofMillis(200));
        RunHandle run = rig.runner.start(
                experiment()
                        .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                        .fault("a", 0, Duration.ofSeconds(30), "a")
                        .build(),
                TestRig.environment(),
                List.of());
        assertThat(backend.awaitInjectStarted(Duration.ofSeconds(5))).isTrue();

        rig.killSwitch.halt(HaltReason.killSwitch("mid-injection")).get(10, TimeUnit.SECONDS);
        run.result().get(10, TimeUnit.SECONDS);

        assertThat(system.injections()).isEqualTo(1);
        assertThat(system.faultsInEffect()).isZero();
        assertThat(rig.journal.openFaults()).isEmpty();
    }

    @Test
    void revertThatHangsFallsBackToTheBackendsReset() throws Exception {
        RunHandle run = rig.runner.start(threeLongFaults(), TestRig.environment(), List.of());
        awaitFaultsInEffect(3);
        backend.hangOnRevert(true);

        Instant before = Instant.now();
        var pending = rig.killSwitch.halt(HaltReason.killSwitch("backend hangs"));
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(2));
        HaltReport report = pending.get(20, TimeUnit.SECONDS);

        assertThat(backend.resets()).isPositive();
        assertThat(report.outcomes()).hasSize(3).allMatch(o -> o.reverted() && o.confirmed());
        assertThat(report.outcomes()).allMatch(o -> o.detail().contains("backend reset instead"));
        assertThat(system.faultsInEffect()).isZero();
        run.result().get(20, TimeUnit.SECONDS);
    }

    @Test
    void faultThatCannotBeRevertedStaysJournaledWithAManualStep() throws Exception {
        SimulatedBackend stubborn = backend.refuseReset(true);
        RunHandle run = rig.runner.start(
                experiment()
                        .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                        .fault("a", 0, Duration.ofSeconds(30), "a")
                        .build(),
                TestRig.environment(),
                List.of());
        awaitFaultsInEffect(1);
        stubborn.failReverts(100);

        HaltReport report =
                rig.killSwitch.halt(HaltReason.killSwitch("stubborn")).get(20, TimeUnit.SECONDS);

        assertThat(report.needingAttention()).singleElement().satisfies(o -> {
            assertThat(o.reverted()).isFalse();
            assertThat(o.manualStep()).contains("remove sim-");
        });
        assertThat(rig.journal.openFaults()).hasSize(1);
        RunResult r = run.result().get(20, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(r.reason()).startsWith("NOT UNDONE: fault 'a' NOT reverted").contains("Otherwise the run HALTED");

        stubborn.failReverts(0).refuseReset(false);
        HaltReport second = rig.killSwitch.halt(HaltReason.killSwitch("again")).get(20, TimeUnit.SECONDS);
        assertThat(second.allConfirmedGone()).isTrue();
        assertThat(rig.journal.openFaults()).isEmpty();
    }

    @Test
    void latchEngagedByAnotherProcessHaltsRunsHere() throws Exception {
        RunHandle run = rig.runner.start(threeLongFaults(), TestRig.environment(), List.of());
        awaitFaultsInEffect(3);

        new KillSwitchLatch(home.resolve("killswitch.latch"))
                .engage(new KillSwitchLatch.Engagement(Instant.now(), "faultline halt from another terminal", 1));

        RunResult r = run.result().get(10, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(RunOutcome.HALTED);
        assertThat(r.reason()).contains("another terminal");
        assertThat(system.faultsInEffect()).isZero();
        assertThat(rig.killSwitch.isEngaged()).isTrue();
    }
}
