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
import dev.faultline.engine.spi.run.RolloutResult.Verdict;
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
 * A progressive rollout recorded as it ran (latency 100 ms, +400 ms for the whole of the traffic:
 * 10% reads 140, 50% 300, 100% 500 against "below 350"), read back from the database after the
 * store was closed and opened again: every stage, its share, times, figures and verdict, and the
 * largest stage that held.
 */
class RolloutStoreIT {
    @TempDir
    Path home;

    private final SimulatedSystem system =
            new SimulatedSystem().metric("latency", 100).impact("proxy/payments", "latency", 400);
    private final SimulatedBackend backend = new SimulatedBackend(system);
    private TestRig rig;

    @BeforeEach
    void wire() {
        rig = new TestRig(home, List.of(new SimulatedBackendProvider(backend)), List.of(new SimulatedProbes(system)));
        backend.shareInPlace(true);
    }

    @AfterEach
    void unwire() {
        rig.close();
    }

    /** The store the rollouts are recorded in and read back from: an H2 file here. */
    FaultlineStore open() throws StoreException {
        return FaultlineStore.open(home.resolve("db/faultline"));
    }

    @Test
    void everyStageReachedIsStoredAndReadBackAfterTheRun() throws Exception {
        Experiment e = experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 350)))
                .step(MethodStep.FaultStep.rolledOut(
                        "slow-payments",
                        0,
                        null,
                        SimulatedBackend.ID,
                        new ProxyFault.Latency(Duration.ofMillis(300), Duration.ZERO),
                        new Target("proxy", Params.of("name", "payments")),
                        new Rollout(List.of(0.1, 0.5, 1.0), Duration.ofMillis(400), List.of())))
                .blastRadius(BlastRadius.UNLIMITED)
                .build();
        RunResult r;
        FaultlineStore store = open();
        try (RunRecorder recorder = new RunRecorder(
                store,
                new PendingResults(home.resolve("pending")),
                e,
                "apiVersion: faultline.dev/v1\n",
                "d".repeat(64))) {
            r = rig.runner
                    .start(e, TestRig.environment(), List.of(recorder))
                    .result()
                    .get(30, TimeUnit.SECONDS);
        } finally {
            store.close();
        }

        try (FaultlineStore again = open()) {
            List<RolloutResult> stored = again.rollouts(r.runId());
            // the database keeps times to the microsecond (rounded), as PostgreSQL does
            assertThat(stored)
                    .usingRecursiveComparison()
                    .withComparatorForType(
                            (a, b) -> Math.abs(Duration.between(a, b).toNanos()) < 1000 ? 0 : a.compareTo(b),
                            Instant.class)
                    .isEqualTo(r.rollouts());
            RolloutResult o = stored.getFirst();
            assertThat(o.stages()).extracting(RolloutResult.Stage::share).containsExactly(0.1, 0.5, 1.0);
            assertThat(o.stages())
                    .extracting(RolloutResult.Stage::verdict)
                    .containsExactly(Verdict.HELD, Verdict.HELD, Verdict.DID_NOT_HOLD);
            assertThat(o.stages().get(1).probes().getFirst().stats().mean()).isEqualTo(300);
            assertThat(o.stages().get(2).startedAt())
                    .isAfterOrEqualTo(o.stages().get(1).endedAt());
            assertThat(o.safeUpTo()).hasValue(0.5);
            assertThat(o.summary()).startsWith("safe up to 50% of proxy/payments");
            assertThat(again.rollouts("no-such-run")).isEmpty();
        }
    }

    @Test
    void aRolloutOverCountsOfTargetsKeepsEachStagesCount() throws Exception {
        backend.instances(4);
        Experiment e = experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 350)))
                .step(MethodStep.FaultStep.rolledOut(
                        "slow-payments",
                        0,
                        null,
                        SimulatedBackend.ID,
                        new ProxyFault.Latency(Duration.ofMillis(300), Duration.ZERO),
                        new Target("proxy", Params.of("name", "payments")),
                        Rollout.ofTargets(List.of(1, 2, 4), Duration.ofMillis(400), List.of())))
                .blastRadius(BlastRadius.UNLIMITED)
                .build();
        RunResult r;
        try (FaultlineStore store = open();
                RunRecorder recorder = new RunRecorder(
                        store,
                        new PendingResults(home.resolve("pending")),
                        e,
                        "apiVersion: faultline.dev/v1\n",
                        "d".repeat(64))) {
            r = rig.runner
                    .start(e, TestRig.environment(), List.of(recorder))
                    .result()
                    .get(30, TimeUnit.SECONDS);
        }
        try (FaultlineStore again = open()) {
            RolloutResult o = again.rollouts(r.runId()).getFirst();
            assertThat(o.stages()).extracting(RolloutResult.Stage::targets).containsExactly(1, 2, 4);
            assertThat(o.safeUpToTargets()).hasValue(2);
            assertThat(o.safeUpTo()).isEmpty();
            assertThat(o.summary()).startsWith("safe up to 2 targets of proxy/payments");
        }
    }

    @Test
    void aRunWithoutRolloutHasNone() throws Exception {
        Experiment e = experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 1000)))
                .fault("slow", 0, Duration.ofMillis(300), "payments")
                .build();
        try (FaultlineStore store = open();
                RunRecorder recorder = new RunRecorder(
                        store,
                        new PendingResults(home.resolve("pending")),
                        e,
                        "apiVersion: faultline.dev/v1\n",
                        "d".repeat(64))) {
            RunResult r = rig.runner
                    .start(e, TestRig.environment(), List.of(recorder))
                    .result()
                    .get(30, TimeUnit.SECONDS);
            assertThat(store.rollouts(r.runId())).isEmpty();
        }
    }
}
