package dev.faultline.engine.gameday;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;

import dev.faultline.engine.model.Checklist;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.model.Participant;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.spi.run.AfterHalt;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunEvent;
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
import java.util.stream.IntStream;

/**
 * The real {@link GameDayRunner} wired over a simulated system in a temporary folder, what its
 * listeners heard, and the days and experiments the GameDay tests run.
 */
final class GameDayFixture implements AutoCloseable {
    final SimulatedSystem system = new SimulatedSystem().metric("latency", 100).target("proxy/payments");
    final List<GameDayEvent> dayEvents = new CopyOnWriteArrayList<>();
    final List<RunEvent> runEvents = new CopyOnWriteArrayList<>();
    final TestRig rig;
    final GameDayRunner days;

    GameDayFixture(Path home) {
        rig = new TestRig(
                home,
                List.of(new SimulatedBackendProvider(new SimulatedBackend(system))),
                List.of(new SimulatedProbes(system)));
        days = new GameDayRunner(rig.runner, rig.killSwitch, Clock.systemUTC());
    }

    @Override
    public void close() {
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
                IntStream.range(0, experiments).mapToObj(i -> "e" + i + ".yaml").toList(),
                Checklist.EMPTY);
    }

    /** An experiment that holds: 200 ms of latency on the payments, well inside its probe's tolerance. */
    static Experiment exp() {
        return experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .fault("slow", 0, Duration.ofMillis(200), "payments")
                .build();
    }

    /** An experiment whose fault (500 ms more on the orders) breaches its stop condition at once. */
    Experiment slowOrdersHalting() {
        system.target("proxy/orders").impact("proxy/orders", "latency", 500);
        return experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 1000)))
                .stopWhen("p99", new Tolerance.Threshold(Op.GT, 400))
                .fault("slow", 0, Duration.ofSeconds(20), "orders")
                .build();
    }

    /** As {@link #slowOrdersHalting()}, with a stop condition the runbook expects to halt. */
    Experiment slowOrdersHaltingAsExpected() {
        system.target("proxy/orders").impact("proxy/orders", "latency", 500);
        return experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 1000)))
                .stopWhenExpected("p99", new Tolerance.Threshold(Op.GT, 400))
                .fault("slow", 0, Duration.ofSeconds(20), "orders")
                .build();
    }

    /** A day of {@code n} holding experiments, run to its end with the default halt policy. */
    GameDayResult run(int n, GameDayListener extra) throws Exception {
        List<Experiment> list = IntStream.range(0, n).mapToObj(i -> exp()).toList();
        GameDayRunner.Handle h = days.start(
                day(n), list, TestRig.environment(), List.of(dayEvents::add, extra), e -> List.of(runEvents::add));
        return h.result().get(60, TimeUnit.SECONDS);
    }

    /** A day of {@code n} holding experiments, run to its end, the leader deciding after a halt. */
    GameDayResult run(int n, GameDayListener extra, HaltPolicy onHalt) throws Exception {
        List<Experiment> list = IntStream.range(0, n).mapToObj(i -> exp()).toList();
        GameDayRunner.Handle h = days.start(
                day(n),
                list,
                TestRig.environment(),
                List.of(dayEvents::add, extra),
                e -> List.of(runEvents::add),
                onHalt);
        return h.result().get(60, TimeUnit.SECONDS);
    }

    /** Each run's outcome and reason, for a failure's message (an ABORTED run says why). */
    static String outcomes(GameDayResult r) {
        return r.results().stream()
                .map(x -> x.outcome() + " (" + x.reason() + ")")
                .toList()
                .toString();
    }

    /** Presses the kill switch when the experiment at {@code index} starts, on its first attempt only. */
    GameDayListener pressAt(int index) {
        boolean[] pressed = {false};
        return e -> {
            if (e instanceof GameDayEvent.ExperimentStarted s && s.index() == index && !pressed[0]) {
                pressed[0] = true;
                rig.killSwitch.halt(HaltReason.killSwitch("smoke in the server room"));
            }
        };
    }

    /** A leader who waits for the switch's reverts, releases it and then chooses {@code decision}. */
    HaltPolicy releaseAnd(AfterHalt decision, List<HaltPolicy.Halt> asked) {
        return h -> {
            asked.add(h);
            rig.killSwitch.release("the room is clear");
            return decision;
        };
    }
}
