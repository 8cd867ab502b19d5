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
import dev.faultline.engine.spi.run.AfterHalt;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.GameDayOutcome;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
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

    /** Presses the kill switch when the experiment at {@code index} starts, on its first attempt only. */
    private GameDayListener pressAt(int index) {
        boolean[] pressed = {false};
        return e -> {
            if (e instanceof GameDayEvent.ExperimentStarted s && s.index() == index && !pressed[0]) {
                pressed[0] = true;
                rig.killSwitch.halt(HaltReason.killSwitch("smoke in the server room"));
            }
        };
    }

    /** A leader who waits for the switch's reverts, releases it and then chooses {@code decision}. */
    private HaltPolicy releaseAnd(AfterHalt decision, List<HaltPolicy.Halt> asked) {
        return h -> {
            asked.add(h);
            rig.killSwitch.release("the room is clear");
            return decision;
        };
    }

    private GameDayResult run(int n, GameDayListener extra, HaltPolicy onHalt) throws Exception {
        List<Experiment> list =
                java.util.stream.IntStream.range(0, n).mapToObj(i -> exp()).toList();
        GameDayRunner.Handle h = days.start(
                day(n),
                list,
                TestRig.environment(),
                List.of(dayEvents::add, extra),
                e -> List.of(runEvents::add),
                onHalt);
        return h.result().get(60, TimeUnit.SECONDS);
    }

    @Test
    void afterTheKillSwitchAndItsReleaseTheDayResumesWithTheNextExperiment() throws Exception {
        List<HaltPolicy.Halt> asked = new CopyOnWriteArrayList<>();
        GameDayResult r = run(4, pressAt(2), releaseAnd(AfterHalt.RESUME, asked));

        assertThat(asked).singleElement().satisfies(h -> {
            assertThat(h.index()).isEqualTo(2);
            assertThat(h.killSwitch()).isTrue();
            assertThat(h.why()).contains("smoke in the server room");
        });
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
        assertThat(r.results())
                .extracting(RunResult::outcome)
                .containsExactly(RunOutcome.HELD, RunOutcome.HELD, RunOutcome.HALTED, RunOutcome.HELD);
        assertThat(r.steps()).extracting(GameDayStep::index).containsExactly(0, 1, 2, 3);
        assertThat(r.steps().get(2).afterHalt()).isEqualTo(AfterHalt.RESUME);
        assertThat(r.steps()).noneMatch(GameDayStep::skipped).noneMatch(GameDayStep::repeated);
        assertThat(r.reason()).contains("all 4 experiment(s) ran").contains("experiment 3 halted, then resumed");
        assertThat(dayEvents)
                .filteredOn(GameDayEvent.HaltDecided.class::isInstance)
                .singleElement()
                .satisfies(e ->
                        assertThat(((GameDayEvent.HaltDecided) e).decision()).isEqualTo(AfterHalt.RESUME));
        assertThat(r.exitCode()).isEqualTo(1); // one experiment was halted
        assertThat(system.faultsInEffect()).isZero();
    }

    @Test
    void afterAHaltTheLeaderCanRepeatTheHaltedExperiment() throws Exception {
        List<HaltPolicy.Halt> asked = new CopyOnWriteArrayList<>();
        GameDayResult r = run(3, pressAt(1), releaseAnd(AfterHalt.REPEAT, asked));

        assertThat(asked).hasSize(1);
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
        assertThat(r.results())
                .extracting(RunResult::outcome)
                .containsExactly(RunOutcome.HELD, RunOutcome.HALTED, RunOutcome.HELD, RunOutcome.HELD);
        assertThat(r.steps()).extracting(GameDayStep::index).containsExactly(0, 1, 1, 2);
        assertThat(r.steps()).extracting(GameDayStep::attempt).containsExactly(1, 1, 2, 1);
        assertThat(r.steps().get(1).afterHalt()).isEqualTo(AfterHalt.REPEAT);
        assertThat(r.steps().get(2).describe()).contains("repeat 2");
        assertThat(r.results()).extracting(RunResult::runId).doesNotHaveDuplicates();
        assertThat(r.reason()).contains("experiment 2 halted, then repeated");
    }

    @Test
    void afterAHaltTheLeaderCanEndTheDayAndTheRestIsSkipped() throws Exception {
        List<HaltPolicy.Halt> asked = new CopyOnWriteArrayList<>();
        GameDayResult r = run(4, pressAt(2), releaseAnd(AfterHalt.END, asked));

        assertThat(r.outcome()).isEqualTo(GameDayOutcome.STOPPED);
        assertThat(r.results()).hasSize(3);
        assertThat(r.steps()).extracting(GameDayStep::skipped).containsExactly(false, false, false, true);
        assertThat(r.steps().get(2).afterHalt()).isEqualTo(AfterHalt.END);
        assertThat(r.reason()).contains("kill switch").contains("1 experiment(s) did not run");
        assertThat(dayEvents)
                .filteredOn(GameDayEvent.ExperimentSkipped.class::isInstance)
                .singleElement()
                .satisfies(e ->
                        assertThat(((GameDayEvent.ExperimentSkipped) e).index()).isEqualTo(3));
    }

    @Test
    void resumingWhileTheKillSwitchIsStillEngagedEndsTheDay() throws Exception {
        GameDayResult r = run(3, pressAt(0), h -> AfterHalt.RESUME);

        assertThat(r.outcome()).isEqualTo(GameDayOutcome.STOPPED);
        assertThat(r.results()).hasSize(1);
        assertThat(r.reason()).contains("still").contains("2 experiment(s) did not run");
    }

    @Test
    void stoppingTheDayWhileTheLeaderDecidesEndsIt() throws Exception {
        java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
        GameDayRunner.Handle[] h = new GameDayRunner.Handle[1];
        h[0] = days.start(
                day(3),
                List.of(exp(), exp(), exp()),
                TestRig.environment(),
                List.of(dayEvents::add, pressAt(0)),
                e -> List.of(),
                halt -> {
                    asked.countDown();
                    Thread.sleep(60_000); // a leader who does not answer
                    return AfterHalt.RESUME;
                });
        assertThat(asked.await(30, TimeUnit.SECONDS)).isTrue();
        h[0].stop(new HaltReason(HaltReason.Source.SIGNAL, "Ctrl-C"));
        GameDayResult r = h[0].result().get(10, TimeUnit.SECONDS);

        assertThat(r.outcome()).isEqualTo(GameDayOutcome.STOPPED);
        assertThat(r.reason()).contains("Ctrl-C").contains("2 experiment(s) did not run");
    }

    @Test
    void aStopConditionsHaltAsksTooAndTheDefaultGoesOn() throws Exception {
        List<HaltPolicy.Halt> asked = new CopyOnWriteArrayList<>();
        HaltPolicy record = h -> {
            asked.add(h);
            return HaltPolicy.AS_BEFORE.decide(h);
        };
        system.target("proxy/orders").impact("proxy/orders", "latency", 500);
        Experiment breaching = experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 1000)))
                .stopWhen("p99", new Tolerance.Threshold(Op.GT, 400))
                .fault("slow", 0, Duration.ofSeconds(20), "orders")
                .build();
        GameDayRunner.Handle h = days.start(
                day(2),
                List.of(breaching, exp()),
                TestRig.environment(),
                List.of(dayEvents::add),
                e -> List.of(),
                record);
        GameDayResult r = h.result().get(60, TimeUnit.SECONDS);

        assertThat(asked)
                .singleElement()
                .satisfies(x -> assertThat(x.killSwitch()).isFalse());
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
        assertThat(r.results()).extracting(RunResult::outcome).containsExactly(RunOutcome.HALTED, RunOutcome.HELD);
        assertThat(r.steps().get(0).afterHalt()).isEqualTo(AfterHalt.RESUME);
    }

    @Test
    void aHaltItsExperimentExpectsCarriesOnWithoutAsking() throws Exception {
        List<HaltPolicy.Halt> asked = new CopyOnWriteArrayList<>();
        HaltPolicy leader = h -> {
            asked.add(h);
            return AfterHalt.END;
        };
        system.target("proxy/orders").impact("proxy/orders", "latency", 500);
        Experiment outage = experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 1000)))
                .stopWhenExpected("p99", new Tolerance.Threshold(Op.GT, 400))
                .fault("slow", 0, Duration.ofSeconds(20), "orders")
                .build();
        GameDayRunner.Handle h = days.start(
                day(2), List.of(outage, exp()), TestRig.environment(), List.of(dayEvents::add), e -> List.of(), leader);
        GameDayResult r = h.result().get(60, TimeUnit.SECONDS);

        assertThat(asked).isEmpty();
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
        assertThat(r.results()).extracting(RunResult::outcome).containsExactly(RunOutcome.HALTED, RunOutcome.HELD);
        assertThat(r.steps().get(0).afterHalt()).isEqualTo(AfterHalt.RESUME);
        assertThat(r.steps().get(0).note()).isEqualTo("halted as expected by stop-p99");
        assertThat(r.steps().get(0).describe()).endsWith(": halted as expected by stop-p99, passed as expected");
        assertThat(r.reason())
                .contains("all 2 experiment(s) ran")
                .contains("experiment 1 halted as expected by stop-p99");
        assertThat(dayEvents)
                .filteredOn(GameDayEvent.HaltDecided.class::isInstance)
                .singleElement()
                .satisfies(e -> {
                    GameDayEvent.HaltDecided d = (GameDayEvent.HaltDecided) e;
                    assertThat(d.expected()).isTrue();
                    assertThat(d.decision()).isEqualTo(AfterHalt.RESUME);
                    assertThat(d.halt()).isEqualTo("halted as expected by stop-p99");
                });
    }

    @Test
    void anExpectedHaltOfTheLastExperimentCompletesTheDayWithoutAsking() throws Exception {
        List<HaltPolicy.Halt> asked = new CopyOnWriteArrayList<>();
        system.target("proxy/orders").impact("proxy/orders", "latency", 500);
        Experiment outage = experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 1000)))
                .stopWhenExpected("p99", new Tolerance.Threshold(Op.GT, 400))
                .fault("slow", 0, Duration.ofSeconds(20), "orders")
                .build();
        GameDayRunner.Handle h = days.start(
                day(1), List.of(outage), TestRig.environment(), List.of(dayEvents::add), e -> List.of(), halt -> {
                    asked.add(halt);
                    return AfterHalt.END;
                });
        GameDayResult r = h.result().get(60, TimeUnit.SECONDS);

        assertThat(asked).isEmpty();
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
        assertThat(r.steps())
                .singleElement()
                .satisfies(st -> assertThat(st.skipped()).isFalse());
    }

    @Test
    void whenTheLeaderEndsTheDayTheReasonSaysSoAndWhyTheRunHalted() throws Exception {
        system.target("proxy/orders").impact("proxy/orders", "latency", 500);
        Experiment breaching = experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 1000)))
                .stopWhen("p99", new Tolerance.Threshold(Op.GT, 400))
                .fault("slow", 0, Duration.ofSeconds(20), "orders")
                .build();
        GameDayRunner.Handle h = days.start(
                day(3),
                List.of(exp(), breaching, exp()),
                TestRig.environment(),
                List.of(dayEvents::add),
                e -> List.of(),
                HaltPolicy.of("the leader", halt -> AfterHalt.END));
        GameDayResult r = h.result().get(60, TimeUnit.SECONDS);

        assertThat(r.outcome()).isEqualTo(GameDayOutcome.STOPPED);
        assertThat(r.reason())
                .startsWith("ended by the leader after experiment 2 of 3 was halted (")
                .contains(r.results().get(1).reason())
                .endsWith("; 1 experiment(s) did not run");
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheDay() throws Exception {
        GameDayResult r = run(1, e -> {
            throw new IllegalStateException("broken listener");
        });
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
    }
}
