package dev.faultline.engine.gameday;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Checklist;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.model.Participant;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.GameDayOutcome;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedProbes;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GameDayRunnerTest {
    @TempDir
    Path home;

    private final SimulatedSystem system =
            new SimulatedSystem().metric("latency", 100).target("proxy/payments");
    private final List<GameDayEvent> dayEvents = new CopyOnWriteArrayList<>();
    private final List<RunEvent> runEvents = new CopyOnWriteArrayList<>();
    private TestRig rig;
    private GameDayRunner days;

    @BeforeEach
    void wire() {
        rig = new TestRig(
                home,
                List.of(new SimulatedBackendProvider(new SimulatedBackend(system))),
                List.of(new SimulatedProbes(system)));
        days = new GameDayRunner(rig.runner, rig.killSwitch, Clock.systemUTC());
    }

    @AfterEach
    void unwire() {
        rig.close();
    }

    static GameDay day(int experiments) {
        return new GameDay(
                "test-day",
                "Test day",
                "",
                List.of("learn"),
                Instant.parse("2026-12-03T09:00:00Z"),
                ZoneId.of("Europe/Berlin"),
                "test",
                List.of(new Participant("Ada", Participant.Role.LEADER)),
                java.util.stream.IntStream.range(0, experiments)
                        .mapToObj(i -> "e" + i + ".yaml")
                        .toList(),
                Checklist.EMPTY);
    }

    private Experiment exp() {
        return experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .fault("slow", 0, Duration.ofMillis(200), "payments")
                .build();
    }

    private GameDayResult run(int n, GameDayListener extra) throws Exception {
        List<Experiment> list =
                java.util.stream.IntStream.range(0, n).mapToObj(i -> exp()).toList();
        GameDayRunner.Handle h = days.start(
                day(n), list, TestRig.environment(), List.of(dayEvents::add, extra), e -> List.of(runEvents::add));
        return h.result().get(60, TimeUnit.SECONDS);
    }

    @Test
    void everyExperimentRunsInOrderWithGameDayEvents() throws Exception {
        GameDayResult r = run(3, e -> {});
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
        assertThat(r.results())
                .hasSize(3)
                .allSatisfy(x -> assertThat(x.outcome()).isEqualTo(RunOutcome.HELD));
        assertThat(r.exitCode()).isZero();
        assertThat(dayEvents)
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
        List<String> runIds = dayEvents.stream()
                .filter(GameDayEvent.ExperimentStarted.class::isInstance)
                .map(e -> ((GameDayEvent.ExperimentStarted) e).runId())
                .toList();
        assertThat(runIds).doesNotHaveDuplicates();
        assertThat(runEvents.stream()
                        .filter(RunEvent.RunStarted.class::isInstance)
                        .map(RunEvent::runId)
                        .toList())
                .containsExactlyElementsOf(runIds);
    }

    @Test
    void theKillSwitchStopsTheDayAndNoFurtherExperimentStarts() throws Exception {
        GameDayResult r = run(3, e -> {
            if (e instanceof GameDayEvent.ExperimentStarted s && s.index() == 0) {
                rig.killSwitch.halt(HaltReason.killSwitch("smoke in the server room"));
            }
        });
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.STOPPED);
        assertThat(r.reason()).contains("kill switch").contains("2 experiment(s) did not run");
        assertThat(r.results())
                .singleElement()
                .satisfies(x -> assertThat(x.outcome()).isEqualTo(RunOutcome.HALTED));
        assertThat(dayEvents)
                .filteredOn(GameDayEvent.ExperimentSkipped.class::isInstance)
                .hasSize(2);
        assertThat(dayEvents.get(dayEvents.size() - 1)).isInstanceOf(GameDayEvent.Finished.class);
        assertThat(system.faultsInEffect()).isZero();
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void stoppingTheDayHaltsTheCurrentExperiment() throws Exception {
        List<Experiment> list = List.of(exp(), exp());
        GameDayRunner.Handle[] h = new GameDayRunner.Handle[1];
        h[0] = days.start(
                day(2),
                list,
                TestRig.environment(),
                List.of(dayEvents::add, e -> {
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
        GameDayResult r = run(1, e -> {
            throw new IllegalStateException("broken listener");
        });
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
    }
}
