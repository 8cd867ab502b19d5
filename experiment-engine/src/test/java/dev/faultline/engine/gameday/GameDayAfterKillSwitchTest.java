package dev.faultline.engine.gameday;

import static dev.faultline.engine.gameday.GameDayFixture.day;
import static dev.faultline.engine.gameday.GameDayFixture.exp;
import static dev.faultline.engine.gameday.GameDayFixture.outcomes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.spi.run.AfterHalt;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.GameDayOutcome;
import dev.faultline.engine.spi.run.HaltReason;
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
 * After the kill switch halted an experiment, the leader decides: resume with the next, repeat
 * the halted one, or end the day; resuming while the switch is still engaged, or a stop while the
 * leader decides, ends it. The real runner over a {@link dev.faultline.engine.testkit.SimulatedSystem}
 * ({@link GameDayFixture}).
 */
class GameDayAfterKillSwitchTest {
    @TempDir
    Path home;

    @AutoClose
    private GameDayFixture f;

    @BeforeEach
    void wire() {
        f = new GameDayFixture(home);
    }

    @Test
    void afterTheKillSwitchAndItsReleaseTheDayResumesWithTheNextExperiment() throws Exception {
        List<HaltPolicy.Halt> asked = new CopyOnWriteArrayList<>();
        GameDayResult r = f.run(4, f.pressAt(2), f.releaseAnd(AfterHalt.RESUME, asked));

        assertThat(asked).singleElement().satisfies(h -> {
            assertThat(h.index()).isEqualTo(2);
            assertThat(h.killSwitch()).isTrue();
            assertThat(h.why()).contains("smoke in the server room");
        });
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
        assertThat(r.results())
                .as(outcomes(r))
                .extracting(RunResult::outcome)
                .containsExactly(RunOutcome.HELD, RunOutcome.HELD, RunOutcome.HALTED, RunOutcome.HELD);
        assertThat(r.steps()).extracting(GameDayStep::index).containsExactly(0, 1, 2, 3);
        assertThat(r.steps().get(2).afterHalt()).isEqualTo(AfterHalt.RESUME);
        assertThat(r.steps()).noneMatch(GameDayStep::skipped).noneMatch(GameDayStep::repeated);
        assertThat(r.reason()).contains("all 4 experiment(s) ran").contains("experiment 3 halted, then resumed");
        assertThat(f.dayEvents)
                .filteredOn(GameDayEvent.HaltDecided.class::isInstance)
                .singleElement()
                .satisfies(e ->
                        assertThat(((GameDayEvent.HaltDecided) e).decision()).isEqualTo(AfterHalt.RESUME));
        assertThat(r.exitCode()).isEqualTo(1); // one experiment was halted
        assertThat(f.system.faultsInEffect()).isZero();
    }

    @Test
    void afterAHaltTheLeaderCanRepeatTheHaltedExperiment() throws Exception {
        List<HaltPolicy.Halt> asked = new CopyOnWriteArrayList<>();
        GameDayResult r = f.run(3, f.pressAt(1), f.releaseAnd(AfterHalt.REPEAT, asked));

        assertThat(asked).hasSize(1);
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
        assertThat(r.results())
                .as(outcomes(r))
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
        GameDayResult r = f.run(4, f.pressAt(2), f.releaseAnd(AfterHalt.END, asked));

        assertThat(r.outcome()).isEqualTo(GameDayOutcome.STOPPED);
        assertThat(r.results()).hasSize(3);
        assertThat(r.steps()).extracting(GameDayStep::skipped).containsExactly(false, false, false, true);
        assertThat(r.steps().get(2).afterHalt()).isEqualTo(AfterHalt.END);
        assertThat(r.reason()).contains("kill switch").contains("1 experiment(s) did not run");
        assertThat(f.dayEvents)
                .filteredOn(GameDayEvent.ExperimentSkipped.class::isInstance)
                .singleElement()
                .satisfies(e ->
                        assertThat(((GameDayEvent.ExperimentSkipped) e).index()).isEqualTo(3));
    }

    @Test
    void resumingWhileTheKillSwitchIsStillEngagedEndsTheDay() throws Exception {
        GameDayResult r = f.run(3, f.pressAt(0), h -> AfterHalt.RESUME);

        assertThat(r.outcome()).isEqualTo(GameDayOutcome.STOPPED);
        assertThat(r.results()).hasSize(1);
        assertThat(r.reason()).contains("still").contains("2 experiment(s) did not run");
    }

    @Test
    void stoppingTheDayWhileTheLeaderDecidesEndsIt() throws Exception {
        java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
        GameDayRunner.Handle[] h = new GameDayRunner.Handle[1];
        h[0] = f.days.start(
                day(3),
                List.of(exp(), exp(), exp()),
                TestRig.environment(),
                List.of(f.dayEvents::add, f.pressAt(0)),
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
}
