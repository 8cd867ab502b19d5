package dev.faultline.engine.gameday;

import static dev.faultline.engine.gameday.GameDayFixture.day;
import static dev.faultline.engine.gameday.GameDayFixture.exp;
import static dev.faultline.engine.gameday.GameDayFixture.outcomes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.spi.run.AfterHalt;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.GameDayOutcome;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop condition halts an experiment of the day: the leader is asked (the default goes on), not
 * asked when the runbook expected the halt, and the day ended by the leader says why. The real runner over a {@link dev.faultline.engine.testkit.SimulatedSystem}
 * ({@link GameDayFixture}).
 */
class GameDayStopConditionHaltTest {
    @TempDir
    Path home;

    @AutoClose
    private GameDayFixture f;

    @BeforeEach
    void wire() {
        f = new GameDayFixture(home);
    }

    @Test
    void aStopConditionsHaltAsksTooAndTheDefaultGoesOn() throws Exception {
        List<HaltPolicy.Halt> asked = new CopyOnWriteArrayList<>();
        HaltPolicy record = h -> {
            asked.add(h);
            return HaltPolicy.AS_BEFORE.decide(h);
        };
        Experiment breaching = f.slowOrdersHalting();
        GameDayRunner.Handle h = f.days.start(
                day(2),
                List.of(breaching, exp()),
                TestRig.environment(),
                List.of(f.dayEvents::add),
                e -> List.of(),
                record);
        GameDayResult r = h.result().get(60, TimeUnit.SECONDS);

        assertThat(asked)
                .singleElement()
                .satisfies(x -> assertThat(x.killSwitch()).isFalse());
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
        assertThat(r.results())
                .as(outcomes(r))
                .extracting(RunResult::outcome)
                .containsExactly(RunOutcome.HALTED, RunOutcome.HELD);
        assertThat(r.steps().get(0).afterHalt()).isEqualTo(AfterHalt.RESUME);
    }

    @Test
    void aHaltItsExperimentExpectsCarriesOnWithoutAsking() throws Exception {
        List<HaltPolicy.Halt> asked = new CopyOnWriteArrayList<>();
        HaltPolicy leader = h -> {
            asked.add(h);
            return AfterHalt.END;
        };
        Experiment outage = f.slowOrdersHaltingAsExpected();
        GameDayRunner.Handle h = f.days.start(
                day(2),
                List.of(outage, exp()),
                TestRig.environment(),
                List.of(f.dayEvents::add),
                e -> List.of(),
                leader);
        GameDayResult r = h.result().get(60, TimeUnit.SECONDS);

        assertThat(asked).isEmpty();
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
        assertThat(r.results())
                .as(outcomes(r))
                .extracting(RunResult::outcome)
                .containsExactly(RunOutcome.HALTED, RunOutcome.HELD);
        assertThat(r.steps().get(0).afterHalt()).isEqualTo(AfterHalt.RESUME);
        assertThat(r.steps().get(0).note()).isEqualTo("halted as expected by stop-p99");
        assertThat(r.steps().get(0).describe()).endsWith(": halted as expected by stop-p99, passed as expected");
        assertThat(r.reason())
                .contains("all 2 experiment(s) ran")
                .contains("experiment 1 halted as expected by stop-p99");
        assertThat(f.dayEvents)
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
        Experiment outage = f.slowOrdersHaltingAsExpected();
        GameDayRunner.Handle h = f.days.start(
                day(1), List.of(outage), TestRig.environment(), List.of(f.dayEvents::add), e -> List.of(), halt -> {
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
        Experiment breaching = f.slowOrdersHalting();
        GameDayRunner.Handle h = f.days.start(
                day(3),
                List.of(exp(), breaching, exp()),
                TestRig.environment(),
                List.of(f.dayEvents::add),
                e -> List.of(),
                HaltPolicy.of("the leader", halt -> AfterHalt.END));
        GameDayResult r = h.result().get(60, TimeUnit.SECONDS);

        assertThat(r.outcome()).isEqualTo(GameDayOutcome.STOPPED);
        assertThat(r.reason())
                .startsWith("ended by the leader after experiment 2 of 3 was halted (")
                .contains(r.results().get(1).reason())
                .endsWith("; 1 experiment(s) did not run");
    }
}
