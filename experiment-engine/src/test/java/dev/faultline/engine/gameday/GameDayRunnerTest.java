package dev.faultline.engine.gameday;

import static dev.faultline.engine.gameday.GameDayFixture.day;
import static dev.faultline.engine.gameday.GameDayFixture.exp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.GameDayOutcome;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experiments run one after another with GameDay events; the kill switch, a stop of the day and a
 * failing listener. The real runner over a {@link dev.faultline.engine.testkit.SimulatedSystem}
 * ({@link GameDayFixture}).
 */
class GameDayRunnerTest {
    @TempDir
    Path home;

    @AutoClose
    private GameDayFixture f;

    @BeforeEach
    void wire() {
        f = new GameDayFixture(home);
    }

    @Test
    void everyExperimentRunsInOrderWithGameDayEvents() throws Exception {
        GameDayResult r = f.run(3, e -> {});
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
        assertThat(r.results())
                .hasSize(3)
                .allSatisfy(x -> assertThat(x.outcome()).isEqualTo(RunOutcome.HELD));
        assertThat(r.exitCode()).isZero();
        assertThat(f.dayEvents)
                .extracting(GameDayEvent::type)
                .containsExactly(
                        "gameday-started",
                        "experiment-started",
                        "experiment-finished",
                        "experiment-started",
                        "experiment-finished",
                        "experiment-started",
                        "experiment-finished",
                        "gameday-finished");
        List<String> runIds = f.dayEvents.stream()
                .filter(GameDayEvent.ExperimentStarted.class::isInstance)
                .map(e -> ((GameDayEvent.ExperimentStarted) e).runId())
                .toList();
        assertThat(runIds).doesNotHaveDuplicates();
        assertThat(f.runEvents.stream()
                        .filter(RunEvent.RunStarted.class::isInstance)
                        .map(RunEvent::runId)
                        .toList())
                .containsExactlyElementsOf(runIds);
    }

    @Test
    void theKillSwitchStopsTheDayAndNoFurtherExperimentStarts() throws Exception {
        GameDayResult r = f.run(3, e -> {
            if (e instanceof GameDayEvent.ExperimentStarted s && s.index() == 0) {
                f.rig.killSwitch.halt(HaltReason.killSwitch("smoke in the server room"));
            }
        });
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.STOPPED);
        assertThat(r.reason()).contains("kill switch").contains("2 experiment(s) did not run");
        assertThat(r.results())
                .singleElement()
                .satisfies(x -> assertThat(x.outcome()).isEqualTo(RunOutcome.HALTED));
        // the skip reason says the kill switch once, in the halt's words
        assertThat(f.dayEvents)
                .filteredOn(GameDayEvent.ExperimentSkipped.class::isInstance)
                .hasSize(2)
                .allSatisfy(e -> assertThat(((GameDayEvent.ExperimentSkipped) e).reason())
                        .isEqualTo("the kill switch is engaged (smoke in the server room)"));
        assertThat(r.reason()).doesNotContain("kill switch: ");
        assertThat(f.dayEvents.get(f.dayEvents.size() - 1)).isInstanceOf(GameDayEvent.Finished.class);
        assertThat(f.system.faultsInEffect()).isZero();
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void stoppingTheDayHaltsTheCurrentExperiment() throws Exception {
        List<Experiment> list = List.of(exp(), exp());
        GameDayRunner.Handle[] h = new GameDayRunner.Handle[1];
        h[0] = f.days.start(
                day(2),
                list,
                TestRig.environment(),
                List.of(f.dayEvents::add, e -> {
                    if (e instanceof GameDayEvent.ExperimentStarted) {
                        new Thread(() -> h[0].stop(new HaltReason(HaltReason.Source.SIGNAL, "Ctrl-C"))).start();
                    }
                }),
                e -> List.of());
        GameDayResult r = h[0].result().get(60, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.STOPPED);
        assertThat(r.results()).hasSize(1);
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheDay() throws Exception {
        GameDayResult r = f.run(1, e -> {
            throw new IllegalStateException("broken listener");
        });
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
    }
}
