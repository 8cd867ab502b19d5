package dev.faultline.engine.store;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.gameday.GameDayResult;
import dev.faultline.engine.gameday.GameDayRunner;
import dev.faultline.engine.gameday.GameDayStep;
import dev.faultline.engine.gameday.HaltPolicy;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.spi.run.AfterHalt;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunListener;
import dev.faultline.engine.testkit.RecordedGameDay;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedProbes;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A GameDay that was halted three times, and repeated, resumed and ended, as the database keeps it. */
class GameDayStepsIT {
    @TempDir
    Path home;

    private final SimulatedSystem system =
            new SimulatedSystem().metric("latency", 100).target("proxy/payments");
    private TestRig rig;
    private FaultlineStore store;

    @BeforeEach
    void wire() throws Exception {
        rig = new TestRig(
                home,
                List.of(new SimulatedBackendProvider(new SimulatedBackend(system))),
                List.of(new SimulatedProbes(system)));
        store = openStore();
    }

    /** The store under test (the PostgreSQL subclass runs the same cases on a shared store). */
    FaultlineStore openStore() throws Exception {
        return FaultlineStore.open(home.resolve("db/faultline"));
    }

    @AfterEach
    void unwire() {
        store.close();
        rig.close();
    }

    @Test
    void repeatedResumedAndEndedAreRecordedStepByStep() throws Exception {
        Experiment holds = experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .fault("slow-payments", 0, Duration.ofMillis(300), "payments")
                .build();
        Set<Integer> pressed = new HashSet<>();
        Deque<AfterHalt> choices = new ArrayDeque<>(List.of(AfterHalt.REPEAT, AfterHalt.RESUME, AfterHalt.END));
        HaltPolicy leader = h -> {
            rig.killSwitch.release("checked");
            return choices.removeFirst();
        };
        PendingResults pending = new PendingResults(home.resolve("pending"));
        GameDayRunner.Handle h = new GameDayRunner(rig.runner, rig.killSwitch, Clock.systemUTC())
                .start(
                        RecordedGameDay.plan(4),
                        List.of(holds, holds, holds, holds),
                        TestRig.environment(),
                        List.of(new GameDayRecorder(store.gameDays(), "kind: GameDay\n", "c".repeat(64)), e -> {
                            // the first start of experiments 1, 2 and 3 is halted by the kill switch
                            if (e instanceof GameDayEvent.ExperimentStarted s
                                    && s.index() < 3
                                    && pressed.add(s.index())) {
                                rig.killSwitch.halt(HaltReason.killSwitch("smoke"));
                            }
                        }),
                        e -> List.<RunListener>of(
                                new RunRecorder(store, pending, e, "apiVersion: faultline.dev/v1\n", "d".repeat(64))),
                        leader);
        GameDayResult r = h.result().get(60, TimeUnit.SECONDS);

        List<GameDayStep> steps = store.gameDays().steps(r.gameDayRunId());
        assertThat(steps).isEqualTo(r.steps());
        assertThat(steps).extracting(GameDayStep::index).containsExactly(0, 0, 1, 2, 3);
        assertThat(steps).extracting(GameDayStep::attempt).containsExactly(1, 2, 1, 1, 1);
        assertThat(steps)
                .extracting(GameDayStep::afterHalt)
                .containsExactly(AfterHalt.REPEAT, null, AfterHalt.RESUME, AfterHalt.END, null);
        assertThat(steps.get(3).note()).contains("smoke");
        // experiment 0 ran twice, 3 never: the report and the retrospective list 3 as skipped
        assertThat(store.gameDays().startedPositions(r.gameDayRunId())).containsExactly(0, 1, 2);
        assertThat(steps.get(4).skipped()).isTrue();
        assertThat(steps.get(4).describe()).contains("skipped").contains("smoke");
        GameDayRunRecord rec = store.gameDays().find(r.gameDayRunId()).orElseThrow();
        assertThat(rec.status()).isEqualTo("STOPPED");
        assertThat(rec.runIds())
                .hasSize(4)
                .containsExactlyElementsOf(steps.stream()
                        .filter(s -> !s.skipped())
                        .map(GameDayStep::runId)
                        .toList());
        assertThat(rec.reason())
                .contains("experiment 1 halted, then repeated")
                .contains("experiment 2 halted, then resumed")
                .contains("1 experiment(s) did not run");
    }
}
