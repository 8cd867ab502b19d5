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
 * A rollout over counts of targets ({@code targets: [1, 2, 4]}) on the simulated system, whose
 * payments target stands for 4 instances: latency 100 ms, +400 ms when all 4 are slow, so 1 slow
 * instance reads 200, 2 read 300, 4 read 500.
 */
class RolloutTargetsRunTest {
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

    private static Experiment rollout(double below, List<Integer> counts, BlastRadius br) {
        return experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, below)))
                .step(MethodStep.FaultStep.rolledOut(
                        "slow-payments",
                        0,
                        null,
                        SimulatedBackend.ID,
                        new ProxyFault.Latency(Duration.ofMillis(300), Duration.ZERO),
                        new Target("proxy", Params.of("name", "payments")),
                        Rollout.ofTargets(counts, HOLD, List.of())))
                .blastRadius(br)
                .build();
    }

    private RunResult run(Experiment e) throws Exception {
        return rig.runner
                .start(e, TestRig.environment(), List.of(events::add))
                .result()
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void eachStageHitsItsCountOfTargetsAndTheResultSaysHowManyWereSafe() throws Exception {
        backend.instances(4).shareInPlace(true);
        RunResult r = run(rollout(350, List.of(1, 2, 4), BlastRadius.UNLIMITED));

        assertThat(r.outcome()).isEqualTo(RunOutcome.DEVIATED);
        assertThat(r.reason())
                .startsWith("rollout of slow-payments stopped at stage 3 of 3 (4 targets): p99 ")
                .endsWith("; safe up to 2 targets of proxy/payments");
        RolloutResult o = r.rollouts().getFirst();
        assertThat(o.stages()).extracting(RolloutResult.Stage::targets).containsExactly(1, 2, 4);
        assertThat(o.stages())
                .extracting(RolloutResult.Stage::verdict)
                .containsExactly(Verdict.HELD, Verdict.HELD, Verdict.DID_NOT_HOLD);
        assertThat(o.stages().get(0).probes().getFirst().stats().mean()).isEqualTo(200);
        assertThat(o.stages().get(1).probes().getFirst().stats().mean()).isEqualTo(300);
        assertThat(o.stages().get(2).probes().getFirst().stats().min()).isEqualTo(500);
        assertThat(o.safeUpToTargets()).hasValue(2);
        assertThat(o.safeUpTo()).isEmpty();
        assertThat(o.headline())
                .isEqualTo("Safe up to 2 targets of proxy/payments (latency 300ms on proxy/payments): it did not"
                        + " hold at 4 targets (stage 3 of 3).");
        assertThat(backend.shareChanges()).isEqualTo(2);
        assertThat(system.faultsInEffect()).isZero();
        assertThat(rig.journal.openFaults()).isEmpty();
        assertThat(events)
                .filteredOn(RunEvent.RolloutStageStarted.class::isInstance)
                .extracting(e -> ((RunEvent.RolloutStageStarted) e).label())
                .containsExactly("1 target", "2 targets", "4 targets");

        assertThat(new ResultJson().write(r, events))
                .contains("\"safeUpToTargets\" : 2")
                .contains("\"targets\" : 4");
        assertThat(new JUnitXml().write(r))
                .contains("name=\"rollout slow-payments stage 2 of 3 (2 targets)\"")
                .contains("<property name=\"rollout.slow-payments.safeUpTo\" value=\"2 targets\"/>")
                .contains("2 targets in place in ");
    }

    @Test
    void aBackendThatCannotChangeItInPlaceInjectsEachCountAgain() throws Exception {
        backend.instances(4);
        RunResult r = run(rollout(1000, List.of(1, 4), BlastRadius.UNLIMITED));

        assertThat(r.outcome()).isEqualTo(RunOutcome.HELD);
        RolloutResult o = r.rollouts().getFirst();
        assertThat(o.completed()).isTrue();
        assertThat(o.safeUpToTargets()).hasValue(4);
        assertThat(o.stages()).extracting(RolloutResult.Stage::applied).containsExactly("injected", "re-injected");
        assertThat(o.stages().get(1).probes().getFirst().stats().mean()).isEqualTo(500);
        assertThat(system.injections()).isEqualTo(2);
    }

    @Test
    void preflightRefusesMoreTargetsThanMatchOrThanTheBlastRadiusAllowsBeforeInjectingAnything() throws Exception {
        backend.instances(3);
        RunResult tooMany = run(rollout(1000, List.of(1, 2, 4), BlastRadius.UNLIMITED));
        assertThat(tooMany.outcome()).isEqualTo(RunOutcome.ABORTED);
        assertThat(tooMany.reason())
                .contains("proxy/payments matches 3 targets, fewer than the widest stage of slow-payments (4 targets)");

        RunResult aboveMax =
                run(rollout(1000, List.of(1, 2, 3), new BlastRadius(List.of(), 1.0, Duration.ofMinutes(1), 2)));
        assertThat(aboveMax.outcome()).isEqualTo(RunOutcome.ABORTED);
        assertThat(aboveMax.reason())
                .contains("stage 3 of the rollout (3 targets) is above the blast radius maximum of 2 targets");

        RunResult aboveShare =
                run(rollout(1000, List.of(1, 3), new BlastRadius(List.of(), 0.5, Duration.ofMinutes(1), 10)));
        assertThat(aboveShare.outcome()).isEqualTo(RunOutcome.ABORTED);
        assertThat(aboveShare.reason())
                .contains("hits 3 of the 3 matches of proxy/payments (100%), above the blast"
                        + " radius maxShare of 50%");
        assertThat(system.injections()).isZero();
    }

    @Test
    void aBackendWithoutCountsIsRefusedInPreflight() throws Exception {
        RunResult r = run(rollout(1000, List.of(1, 2), BlastRadius.UNLIMITED));

        assertThat(r.outcome()).isEqualTo(RunOutcome.ABORTED);
        assertThat(r.reason()).contains("target proxy/payments is one instance (step slow-payments)");
        assertThat(system.injections()).isZero();
    }
}
