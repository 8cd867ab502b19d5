package dev.faultline.engine.store;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.gameday.GameDayResult;
import dev.faultline.engine.gameday.GameDayRunner;
import dev.faultline.engine.gameday.GameDayStep;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.spi.run.AfterHalt;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.RunListener;
import dev.faultline.engine.testkit.PostgresCluster;
import dev.faultline.engine.testkit.RecordedGameDay;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedProbes;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GameDay on a team's shared store whose PostgreSQL server stops after the day started and
 * starts again during its second experiment: the day goes on, and its rows written while the
 * server was away (the first experiment's member and step) are in the store afterwards, in order,
 * with the day's end. Before, the GameDay's rows were written once and lost on failure.
 */
class GameDayOutagePostgresIT {
    @TempDir
    Path home;

    @Test
    void theDaysRowsWrittenWhileTheStoreWasAwayAreInItAfterwards() throws Exception {
        SimulatedSystem system = new SimulatedSystem().metric("latency", 100).target("proxy/payments");
        Experiment holds = experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .fault("slow-payments", 0, Duration.ofMillis(300), "payments")
                .build();
        try (PostgresCluster cluster = PostgresCluster.start();
                TestRig rig = new TestRig(
                        home,
                        List.of(new SimulatedBackendProvider(new SimulatedBackend(system))),
                        List.of(new SimulatedProbes(system)))) {
            PostgresCluster.TestDatabase db = cluster.newDatabase();
            try (FaultlineStore store = FaultlineStore.openShared(db.settings(home.resolve("pg-password")))) {
                PendingResults pending = new PendingResults(home.resolve("pending"));
                GameDayRunner.Handle h = new GameDayRunner(rig.runner, rig.killSwitch, Clock.systemUTC())
                        .start(
                                RecordedGameDay.plan(2),
                                List.of(holds, holds),
                                TestRig.environment(),
                                List.of(new GameDayRecorder(store.gameDays(), "kind: GameDay\n", "c".repeat(64)), e -> {
                                    try {
                                        if (e instanceof GameDayEvent.Started) {
                                            cluster.pgCtl("-m", "fast", "-w", "-t", "30", "stop");
                                        } else if (e instanceof GameDayEvent.ExperimentStarted s && s.index() == 1) {
                                            cluster.pgCtl(
                                                    "-o",
                                                    "-p " + cluster.port(),
                                                    "-l",
                                                    cluster.dir().resolve("log").toString(),
                                                    "-w",
                                                    "-t",
                                                    "30",
                                                    "start");
                                        }
                                    } catch (Exception ex) {
                                        throw new IllegalStateException(ex);
                                    }
                                }),
                                e -> List.<RunListener>of(new RunRecorder(
                                        store, pending, e, "apiVersion: faultline.dev/v1\n", "d".repeat(64))),
                                x -> AfterHalt.RESUME);
                GameDayResult r = h.result().get(120, TimeUnit.SECONDS);

                GameDayRunRecord rec = store.gameDays().find(r.gameDayRunId()).orElseThrow();
                assertThat(rec.status()).isEqualTo(r.outcome().name());
                assertThat(rec.runIds()).as("both experiments' runs, in order").hasSize(2);
                List<GameDayStep> steps = store.gameDays().steps(r.gameDayRunId());
                assertThat(steps).isEqualTo(r.steps());
                assertThat(steps).extracting(GameDayStep::index).containsExactly(0, 1);
                for (String run : rec.runIds()) {
                    assertThat(store.findRun(run)).as("run %s", run).isPresent();
                }
            }
        }
    }
}
