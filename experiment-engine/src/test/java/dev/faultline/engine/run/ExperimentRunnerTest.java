package dev.faultline.engine.run;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.spi.run.Impact;
import dev.faultline.engine.spi.run.ProbeResult;
import dev.faultline.engine.spi.run.RollbackResult;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunPhase;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedProbes;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunnerTest {
    @TempDir
    Path home;

    private final SimulatedSystem system = new SimulatedSystem()
            .metric("latency", 100)
            .target("proxy/payments")
            .target("proxy/inventory");
    private final SimulatedBackend backend = new SimulatedBackend(system);
    private final List<RunEvent> events = new CopyOnWriteArrayList<>();
    private TestRig rig;

    @BeforeEach
    void wire() {
        rig = new TestRig(home, List.of(new SimulatedBackendProvider(backend)), List.of(new SimulatedProbes(system)));
    }

    @AfterEach
    void unwire() {
        rig.close();
    }

    private RunResult run(Experiment e) throws Exception {
        RunHandle h = rig.runner.start(e, TestRig.environment(), List.of(events::add));
        return h.result().get(30, TimeUnit.SECONDS);
    }

    private <T extends RunEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void hypothesisHoldsWhenTheFaultKeepsTheProbeWithinTolerance() throws Exception {
        system.impact("proxy/payments", "latency", 50);
        RunResult r = run(experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .fault("slow-payments", 0, Duration.ofMillis(300), "payments")
                .build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.HELD);
        assertThat(eventsOf(RunEvent.PhaseChanged.class))
                .extracting(RunEvent.PhaseChanged::to)
                .containsExactly(
                        RunPhase.PREFLIGHT,
                        RunPhase.BASELINE,
                        RunPhase.INJECT,
                        RunPhase.ROLLBACK,
                        RunPhase.RECOVERY,
                        RunPhase.VERIFY,
                        RunPhase.DONE);
        assertThat(r.faults()).singleElement().satisfies(f -> {
            assertThat(f.confirmedGone()).isTrue();
            assertThat(f.timeToRecovery()).isNotNull();
        });
        ProbeResult p = r.probes().get(0);
        assertThat(p.baseline().mean()).isEqualTo(100);
        assertThat(p.during().mean()).isEqualTo(150);
        assertThat(p.deviation()).isEqualTo(0.5);
        assertThat(system.faultsInEffect()).isZero();
        assertThat(rig.journal.openFaults()).isEmpty();
    }

    @Test
    void breachedStopConditionHaltsTheRunAndRevertsTheFault() throws Exception {
        system.impact("proxy/payments", "latency", 500);
        RunResult r = run(experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 1000)))
                .stopWhen("p99", new Tolerance.Threshold(Op.GT, 400))
                .fault("slow-payments", 0, Duration.ofSeconds(20), "payments")
                .build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.HALTED);
        assertThat(r.reason()).contains("stop condition stop-p99 breached").contains("p99 read 600");
        assertThat(r.duration()).isLessThan(Duration.ofSeconds(10));
        assertThat(eventsOf(RunEvent.StopConditionBreached.class)).hasSize(1);
        assertThat(r.faults())
                .singleElement()
                .satisfies(f -> assertThat(f.confirmedGone()).isTrue());
        assertThat(system.faultsInEffect()).isZero();
        assertThat(rig.journal.openFaults()).isEmpty();
    }

    @Test
    void baselineThatDoesNotHoldStopsTheRunBeforeAnyInjection() throws Exception {
        RunResult r = run(experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 50)))
                .fault("slow-payments", 0, Duration.ofMillis(300), "payments")
                .build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.ABORTED);
        assertThat(r.reason()).contains("baseline did not hold").contains("p99 read 100, expected < 50");
        assertThat(system.injections()).isZero();
        assertThat(eventsOf(RunEvent.PhaseChanged.class))
                .extracting(RunEvent.PhaseChanged::to)
                .doesNotContain(RunPhase.INJECT);
    }

    @Test
    void missingTargetFailsPreflightAndNothingIsInjected() throws Exception {
        RunResult r = run(experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .fault("slow-cart", 0, Duration.ofMillis(300), "cart")
                .build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.ABORTED);
        assertThat(r.reason()).contains("target proxy/cart").contains("no target proxy/cart");
        assertThat(system.injections()).isZero();
    }

    @Test
    void faultOutlastingTheBlastRadiusIsRefusedInPreflight() throws Exception {
        RunResult r = run(experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .blastRadius(new BlastRadius(List.of("proxy/payments"), 1.0, Duration.ofSeconds(1), 1))
                .fault("slow-payments", 0, Duration.ofSeconds(2), "payments")
                .build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.ABORTED);
        assertThat(r.reason()).contains("ends at 2s, beyond the blast radius maximum of 1s");
        assertThat(system.injections()).isZero();
    }

    @Test
    void probeLeavingItsToleranceDuringTheMethodMakesTheRunDeviate() throws Exception {
        system.impact("proxy/payments", "latency", 500);
        RunResult r = run(experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .fault("slow-payments", 0, Duration.ofMillis(400), "payments")
                .build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.DEVIATED);
        ProbeResult p = r.probes().get(0);
        assertThat(p.during().outside()).isPositive();
        assertThat(p.recovered()).isTrue();
        assertThat(p.impact()).isIn(Impact.MEDIUM, Impact.HIGH);
        assertThat(r.recommendations()).anyMatch(s -> s.contains("left its tolerance"));
    }

    @Test
    void faultsInParallelLanesAreInEffectAtTheSameTime() throws Exception {
        RunResult r = run(experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .fault("slow-payments", 0, Duration.ofMillis(500), "payments")
                .fault("slow-inventory", 1, Duration.ofMillis(500), "inventory")
                .build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.HELD);
        int firstRevert = events.indexOf(eventsOf(RunEvent.FaultReverted.class).get(0));
        assertThat(eventsOf(RunEvent.FaultInjected.class)).hasSize(2).allMatch(e -> events.indexOf(e) < firstRevert);
    }

    @Test
    void stepsOfOneLaneRunInSequence() throws Exception {
        RunResult r = run(experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .fault("first", 0, Duration.ofMillis(200), "payments")
                .step(new MethodStep.WaitStep("settle", 0, null, Duration.ofMillis(100)))
                .fault("second", 0, Duration.ofMillis(200), "inventory")
                .build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.HELD);
        List<String> order = events.stream()
                .filter(e -> e instanceof RunEvent.StepStarted || e instanceof RunEvent.StepFinished)
                .map(e -> e instanceof RunEvent.StepStarted s
                        ? "start " + s.step()
                        : "end " + ((RunEvent.StepFinished) e).step())
                .toList();
        assertThat(order)
                .containsExactly(
                        "start first", "end first", "start settle", "end settle", "start second", "end second");
    }

    @Test
    void waitUntilThatNeverHoldsHaltsTheRun() throws Exception {
        system.impact("proxy/payments", "latency", 500);
        RunResult r = run(experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .fault("slow-payments", 0, Duration.ofSeconds(5), "payments")
                .step(new MethodStep.WaitUntilStep(
                        "until-fast", 1, Duration.ofMillis(150), "p99", Duration.ofMillis(300)))
                .build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.HALTED);
        assertThat(r.reason())
                .contains("wait-until 'until-fast': p99 did not hold")
                .contains("did not hold");
        assertThat(system.faultsInEffect()).isZero();
    }

    @Test
    void aFaultThatCannotBeInjectedHaltsTheRunAndAFailingListenerBreaksNothing() throws Exception {
        backend.failInject(true);
        RunHandle h = rig.runner.start(
                experiment()
                        .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                        .fault("slow-payments", 0, Duration.ofSeconds(10), "payments")
                        .build(),
                TestRig.environment(),
                List.of(
                        e -> {
                            throw new IllegalStateException("a broken listener");
                        },
                        events::add));
        RunResult r = h.result().get(30, TimeUnit.SECONDS);

        assertThat(r.outcome()).isEqualTo(RunOutcome.HALTED);
        assertThat(r.reason())
                .contains("fault 'slow-payments' could not be injected: backend 'simulated': simulated"
                        + " injection failure");
        assertThat(eventsOf(RunEvent.FaultInjectFailed.class)).hasSize(1);
        assertThat(system.faultsInEffect()).isZero();
        assertThat(rig.journal.openFaults()).isEmpty();
    }

    @Test
    void declaredRollbacksRunAfterTheFaultsAreRevertedOnAHaltToo() throws Exception {
        system.impact("proxy/payments", "latency", 500);
        java.nio.file.Path marker = home.resolve("rolled-back");
        RunResult r = run(experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 1000)))
                .stopWhen("p99", new Tolerance.Threshold(Op.GT, 400))
                .fault("slow-payments", 0, Duration.ofSeconds(20), "payments")
                .rollback("touch-marker", "touch " + marker)
                .rollback("fails", "echo broken >&2; exit 3")
                .build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(r.outcome().exitCode()).isEqualTo(3);
        assertThat(r.reason()).startsWith("NOT UNDONE");
        assertThat(java.nio.file.Files.exists(marker)).isTrue();
        assertThat(r.rollbacks())
                .extracting(RollbackResult::name, RollbackResult::ok)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("touch-marker", true),
                        org.assertj.core.groups.Tuple.tuple("fails", false));
        assertThat(r.rollbacks().get(1).detail()).contains("exited with 3").contains("broken");
        assertThat(r.reason())
                .contains("rollback 'fails' FAILED: exited with 3")
                .contains("stop condition stop-p99 breached");
        int reverted = events.indexOf(eventsOf(RunEvent.FaultReverted.class).get(0));
        assertThat(eventsOf(RunEvent.RollbackRan.class)).hasSize(2).allMatch(e -> events.indexOf(e) > reverted);
    }

    @Test
    void nothingToUndoWhenNothingWasInjected() throws Exception {
        java.nio.file.Path marker = home.resolve("rolled-back");
        RunResult r = run(experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 50)))
                .fault("slow-payments", 0, Duration.ofMillis(300), "payments")
                .rollback("touch-marker", "touch " + marker)
                .build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.ABORTED);
        assertThat(r.rollbacks()).isEmpty();
        assertThat(java.nio.file.Files.exists(marker)).isFalse();
    }

    @Test
    void aFaultThatCouldNotBeRevertedFailsTheRunInsteadOfHolding() throws Exception {
        backend.failReverts(1_000).refuseReset(true);
        RunResult r = run(experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .fault("slow-payments", 0, Duration.ofMillis(300), "payments")
                .build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(r.outcome().exitCode()).isEqualTo(3);
        assertThat(r.reason())
                .startsWith("NOT UNDONE: fault 'slow-payments' NOT reverted")
                .contains("by hand: remove")
                .contains("the hypothesis held");
        backend.failReverts(0);
    }

    @Test
    void aRollbackThatTimedOutFailsTheRunInsteadOfHolding() throws Exception {
        RunResult r = run(experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .fault("slow-payments", 0, Duration.ofMillis(200), "payments")
                .rollback("slow-undo", "sleep 20", Duration.ofMillis(300))
                .build());

        assertThat(r.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(r.outcome().exitCode()).isEqualTo(3);
        assertThat(r.reason()).contains("rollback 'slow-undo' FAILED: still running after");
    }
}
