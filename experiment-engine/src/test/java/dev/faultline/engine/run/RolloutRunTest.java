package dev.faultline.engine.run;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.report.JUnitXml;
import dev.faultline.engine.report.ResultJson;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RolloutResult;
import dev.faultline.engine.spi.run.RolloutResult.Verdict;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunOutcome;
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

/**
 * A progressive rollout run on the simulated system, where a fault adds its impact times its share:
 * latency 100 ms, +400 ms for the whole of the traffic, so 10% reads 140, 50% 300, 100% 500.
 */
class RolloutRunTest {
    private static final Duration HOLD = Duration.ofMillis(400);

    @TempDir
    Path home;

    private final SimulatedSystem system =
            new SimulatedSystem().metric("latency", 100).impact("proxy/payments", "latency", 400);
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

    private static Experiment rollout(double below, List<Double> stages) {
        return experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, below)))
                .step(MethodStep.FaultStep.rolledOut(
                        "slow-payments",
                        0,
                        null,
                        SimulatedBackend.ID,
                        new ProxyFault.Latency(Duration.ofMillis(300), Duration.ZERO),
                        new Target("proxy", Params.of("name", "payments")),
                        new Rollout(stages, HOLD, List.of())))
                .blastRadius(BlastRadius.UNLIMITED)
                .build();
    }

    private RunResult run(Experiment e) throws Exception {
        return rig.runner
                .start(e, TestRig.environment(), List.of(events::add))
                .result()
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void theRolloutStopsAtTheFirstStageThatDoesNotHoldAndSaysHowFarItWasSafe() throws Exception {
        backend.shareInPlace(true);
        RunResult r = run(rollout(350, List.of(0.1, 0.5, 1.0)));

        assertThat(r.outcome()).isEqualTo(RunOutcome.DEVIATED);
        assertThat(r.reason())
                .startsWith("rollout of slow-payments stopped at stage 3 of 3 (100%): p99 ")
                .endsWith("; safe up to 50% of proxy/payments");
        RolloutResult o = r.rollouts().getFirst();
        assertThat(o.stages())
                .extracting(RolloutResult.Stage::verdict)
                .containsExactly(Verdict.HELD, Verdict.HELD, Verdict.DID_NOT_HOLD);
        assertThat(o.stages())
                .extracting(RolloutResult.Stage::applied)
                .containsExactly("injected", "in place", "in place");
        assertThat(o.stages().get(1).probes().getFirst().stats().mean()).isEqualTo(300);
        assertThat(o.stages().get(2).probes().getFirst().stats().min()).isEqualTo(500);
        assertThat(o.safeUpTo()).hasValue(0.5);
        assertThat(o.summary())
                .startsWith("safe up to 50% of proxy/payments (latency 300ms on proxy/payments);"
                        + " did not hold at stage 3 of 3 (100%): p99 ");
        assertThat(backend.shareChanges()).isEqualTo(2);
        assertThat(system.injections()).isEqualTo(1);
        assertThat(system.faultsInEffect()).isZero();
        assertThat(rig.journal.openFaults()).isEmpty();
        assertThat(r.faults())
                .singleElement()
                .satisfies(f -> assertThat(f.confirmedGone()).isTrue());
        assertThat(events)
                .filteredOn(RunEvent.RolloutStageChecked.class::isInstance)
                .hasSize(3);

        assertThat(new ResultJson().write(r, events))
                .contains("\"safeUpTo\" : 0.5")
                .contains("\"stoppedAtStage\" : 3")
                .contains("\"verdict\" : \"DID_NOT_HOLD\"");
        assertThat(new JUnitXml().write(r))
                .contains("name=\"rollout slow-payments stage 2 of 3 (50%)\"")
                .contains("<failure message=\"DID_NOT_HOLD: p99 ")
                .contains("<property name=\"rollout.slow-payments.safeUpTo\" value=\"50%\"/>")
                .containsPattern("<system-out>p99 \\(&lt; 350\\): \\d+ samples, 0 outside, mean 300, min 300, max 300\n"
                        + "50% in place in \\d+ ms</system-out>");
    }

    @Test
    void aBackendThatCannotChangeTheShareInPlaceHasTheFaultReinjectedAtEachStage() throws Exception {
        RunResult r = run(rollout(1000, List.of(0.1, 0.5, 1.0)));

        assertThat(r.outcome()).isEqualTo(RunOutcome.HELD);
        RolloutResult o = r.rollouts().getFirst();
        assertThat(o.completed()).isTrue();
        assertThat(o.safeUpTo()).hasValue(1.0);
        assertThat(o.stages())
                .extracting(RolloutResult.Stage::applied)
                .containsExactly("injected", "re-injected", "re-injected");
        assertThat(o.stages().get(2).probes().getFirst().stats().mean()).isEqualTo(500);
        assertThat(system.injections()).isEqualTo(3);
        assertThat(backend.shareChanges()).isZero();
        assertThat(system.faultsInEffect()).isZero();
        assertThat(rig.journal.openFaults()).isEmpty();
    }

    @Test
    void theKillSwitchRevertsWhateverStageIsInEffect() throws Exception {
        backend.shareInPlace(true);
        var handle = rig.runner.start(rollout(1000, List.of(0.1, 0.5, 1.0)), TestRig.environment(), List.of(e -> {
            events.add(e);
            if (e instanceof RunEvent.RolloutStageStarted s && s.stage() == 2) {
                rig.killSwitch.halt(HaltReason.killSwitch("pressed during stage 2"));
            }
        }));
        RunResult r = handle.result().get(30, TimeUnit.SECONDS);

        assertThat(r.outcome()).isEqualTo(RunOutcome.HALTED);
        assertThat(r.rollouts().getFirst().stages())
                .extracting(RolloutResult.Stage::verdict)
                .containsExactly(Verdict.HELD, Verdict.CUT_SHORT);
        assertThat(system.faultsInEffect()).isZero();
        assertThat(rig.journal.openFaults()).isEmpty();
        assertThat(r.faults())
                .singleElement()
                .satisfies(f -> assertThat(f.confirmedGone()).isTrue());
    }

    @Test
    void preflightRefusesAWidestStageAboveTheBlastRadiusBeforeInjectingAnything() throws Exception {
        Experiment e = rollout(1000, List.of(0.1, 0.5, 1.0));
        Experiment limited = new Experiment(
                e.name(),
                e.title(),
                e.description(),
                e.labels(),
                e.environment(),
                e.hypothesis(),
                e.method(),
                new BlastRadius(List.of(), 0.5, Duration.ofMinutes(1), 1),
                e.stopConditions(),
                e.rollbacks(),
                e.timing());
        RunResult r = run(limited);

        assertThat(r.outcome()).isEqualTo(RunOutcome.ABORTED);
        assertThat(r.reason()).contains("stage 3 of the rollout (100%) is above the blast radius maximum of 50%");
        assertThat(system.injections()).isZero();
    }
}
