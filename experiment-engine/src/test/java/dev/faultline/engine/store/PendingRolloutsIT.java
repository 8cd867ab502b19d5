package dev.faultline.engine.store;

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
import dev.faultline.engine.spi.run.RolloutResult;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunListener;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolled-out run whose end found the database gone (the store closed just before the recorder
 * heard the end): the end kept on disk is recorded on the next start with its rollout stages, as
 * they would have been had the database been there.
 */
class PendingRolloutsIT {
    @TempDir
    Path home;

    private final SimulatedSystem system =
            new SimulatedSystem().metric("latency", 100).impact("proxy/payments", "latency", 400);
    private final SimulatedBackend backend = new SimulatedBackend(system);
    private TestRig rig;

    @BeforeEach
    void wire() {
        rig = new TestRig(home, List.of(new SimulatedBackendProvider(backend)), List.of(new SimulatedProbes(system)));
        backend.shareInPlace(true).instances(4);
    }

    @AfterEach
    void unwire() {
        rig.close();
    }

    private static Experiment rollout(Rollout rollout) {
        return experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 350)))
                .step(MethodStep.FaultStep.rolledOut(
                        "slow-payments",
                        0,
                        null,
                        SimulatedBackend.ID,
                        new ProxyFault.Latency(Duration.ofMillis(300), Duration.ZERO),
                        new Target("proxy", Params.of("name", "payments")),
                        rollout))
                .blastRadius(BlastRadius.UNLIMITED)
                .build();
    }

    /** Runs {@code e} with the database closed under the recorder as the run ends. */
    private RunResult runThroughAnOutage(Experiment e, Path db, PendingResults pending) throws Exception {
        FaultlineStore store = FaultlineStore.open(db);
        RunListener outage = ev -> {
            if (ev instanceof RunEvent.RunFinished) {
                store.close();
            }
        };
        try (RunRecorder recorder =
                new RunRecorder(store, pending, e, "apiVersion: faultline.dev/v1\n", "d".repeat(64))) {
            return rig.runner
                    .start(e, TestRig.environment(), List.of(outage, recorder))
                    .result()
                    .get(30, TimeUnit.SECONDS);
        } finally {
            store.close();
        }
    }

    @Test
    void anEndKeptThroughAnOutageIsRecordedWithItsRolloutStages() throws Exception {
        Path db = home.resolve("db/faultline");
        PendingResults pending = new PendingResults(home.resolve("pending"));
        RunResult shares = runThroughAnOutage(
                rollout(new Rollout(List.of(0.1, 0.5, 1.0), Duration.ofMillis(400), List.of())), db, pending);
        RunResult counts = runThroughAnOutage(
                rollout(Rollout.ofTargets(List.of(1, 2, 4), Duration.ofMillis(400), List.of())), db, pending);

        try (FaultlineStore again = FaultlineStore.open(db)) {
            assertThat(again.rollouts(shares.runId())).isEmpty(); // the outage kept them out
            assertThat(new PendingResults(home.resolve("pending")).recordInto(again))
                    .containsExactlyInAnyOrder(shares.runId(), counts.runId());

            assertThat(again.rollouts(shares.runId()))
                    .usingRecursiveComparison()
                    .withComparatorForType(
                            (a, b) -> Math.abs(Duration.between(a, b).toNanos()) < 1000 ? 0 : a.compareTo(b),
                            Instant.class)
                    .withComparatorForType(
                            (a, b) -> Math.abs(a.minus(b).toNanos()) < 1000 ? 0 : a.compareTo(b), Duration.class)
                    .isEqualTo(shares.rollouts());
            RolloutResult o = again.rollouts(counts.runId()).getFirst();
            assertThat(o.stages()).extracting(RolloutResult.Stage::targets).containsExactly(1, 2, 4);
            assertThat(o.safeUpToTargets()).hasValue(2);
            assertThat(again.rollouts(shares.runId()).getFirst().safeUpTo()).hasValue(0.5);
        }
    }

    @Test
    void recordingTheSameEndTwiceKeepsOneCopyOfItsStages() throws Exception {
        Path db = home.resolve("db/faultline");
        PendingResults pending = new PendingResults(home.resolve("pending"));
        RunResult r = runThroughAnOutage(
                rollout(new Rollout(List.of(0.1, 0.5, 1.0), Duration.ofMillis(400), List.of())), db, pending);
        try (FaultlineStore again = FaultlineStore.open(db)) {
            again.saveRollouts(r.runId(), r.rollouts()); // an earlier attempt got the stages in, not the end
            assertThat(new PendingResults(home.resolve("pending")).recordInto(again))
                    .containsExactly(r.runId());
            assertThat(again.rollouts(r.runId())).hasSize(1);
            assertThat(again.rollouts(r.runId()).getFirst().stages()).hasSize(3);
        }
    }
}
