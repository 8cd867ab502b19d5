package dev.faultline.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.Composition;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.gameday.GameDayResult;
import dev.faultline.engine.gameday.GameDayStep;
import dev.faultline.engine.gameday.HaltPolicy;
import dev.faultline.engine.spi.run.AfterHalt;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.GameDayOutcome;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GameDay halted by the kill switch goes on through the run session as the person chose after the
 * release: the session asks its callbacks, and the day's record keeps the choice.
 */
class RunSessionGameDayHaltIT {
    @TempDir
    Path home;

    private Composition composition;
    private LocalExperiment local;
    private final List<HaltPolicy.Halt> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        composition = new Composition(new FaultlineHome(home));
        local = new LocalExperiment(home);
    }

    @AfterEach
    void stop() {
        local.close();
        composition.close();
    }

    private Path dayOfThree() throws Exception {
        Path f = home.resolve("three.yaml");
        String text = Files.readString(local.runbook, StandardCharsets.UTF_8);
        for (String n : List.of("a", "b", "c")) {
            Files.writeString(
                    home.resolve(n + ".yaml"),
                    text.replace("name: " + LocalExperiment.NAME, "name: " + LocalExperiment.NAME + "-" + n),
                    StandardCharsets.UTF_8);
        }
        Files.writeString(f, """
                apiVersion: faultline.dev/v1
                kind: GameDay
                metadata: {name: three, title: Three pauses}
                spec:
                  environment: local
                  schedule: {start: "2026-12-03T10:00", zone: UTC}
                  objectives: [The day goes on after the kill switch]
                  participants:
                    - {name: Ada, role: leader}
                  experiments: [a.yaml, b.yaml, c.yaml]
                """, StandardCharsets.UTF_8);
        return f;
    }

    private SessionCallbacks leaderWho(AfterHalt choice) {
        AtomicBoolean pressed = new AtomicBoolean();
        return new SessionCallbacks() {
            @Override
            public boolean confirmProduction(String environment, Subject subject) {
                return false;
            }

            @Override
            public void say(String line) {}

            @Override
            public void warn(String line) {}

            @Override
            public void onGameDayEvent(GameDayEvent e) {
                if (e instanceof GameDayEvent.ExperimentStarted s && s.index() == 0 && !pressed.getAndSet(true)) {
                    composition.killSwitch.halt(HaltReason.killSwitch("pressed in the test"));
                }
            }

            @Override
            public String haltDecider() {
                return "the leader";
            }

            @Override
            public AfterHalt afterHalt(HaltPolicy.Halt halt) {
                asked.add(halt);
                composition.killSwitch.release("checked, safe again");
                return choice;
            }
        };
    }

    @Test
    void afterTheKillSwitchAndItsReleaseTheDayResumesAndTheRecordSaysSo() throws Exception {
        GameDayRequest request = RunSession.loadGameDay(composition, dayOfThree(), Origin.APP, "", null);
        GameDayResult r;
        try (RunSession<GameDayResult> s = RunSession.startGameDay(composition, request, leaderWho(AfterHalt.RESUME))) {
            r = s.await();
        }

        assertThat(asked).singleElement().satisfies(h -> {
            assertThat(h.index()).isZero();
            assertThat(h.killSwitch()).isTrue();
        });
        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
        assertThat(r.results())
                .extracting(RunResult::outcome)
                .containsExactly(RunOutcome.HALTED, RunOutcome.HELD, RunOutcome.HELD);
        List<GameDayStep> steps = composition.store().gameDays().steps(r.gameDayRunId());
        assertThat(steps).extracting(GameDayStep::afterHalt).containsExactly(AfterHalt.RESUME, null, null);
        assertThat(composition
                        .store()
                        .gameDays()
                        .find(r.gameDayRunId())
                        .orElseThrow()
                        .status())
                .isEqualTo("COMPLETED");
        assertThat(composition.journal.openFaults()).isEmpty();
    }

    @Test
    void theLeaderCanRepeatTheHaltedExperiment() throws Exception {
        GameDayRequest request = RunSession.loadGameDay(composition, dayOfThree(), Origin.APP, "", null);
        GameDayResult r;
        try (RunSession<GameDayResult> s = RunSession.startGameDay(composition, request, leaderWho(AfterHalt.REPEAT))) {
            r = s.await();
        }

        assertThat(r.outcome()).isEqualTo(GameDayOutcome.COMPLETED);
        assertThat(r.results()).hasSize(4);
        assertThat(composition.store().gameDays().steps(r.gameDayRunId()))
                .extracting(GameDayStep::index)
                .containsExactly(0, 0, 1, 2);
        assertThat(composition
                        .store()
                        .gameDays()
                        .find(r.gameDayRunId())
                        .orElseThrow()
                        .runIds())
                .hasSize(4);
    }

    @Test
    void whenTheLeaderEndsTheDayTheRecordSaysWhoEndedItAfterWhichExperimentAndWhy() throws Exception {
        GameDayRequest request = RunSession.loadGameDay(composition, dayOfThree(), Origin.APP, "", null);
        GameDayResult r;
        try (RunSession<GameDayResult> s = RunSession.startGameDay(composition, request, leaderWho(AfterHalt.END))) {
            r = s.await();
        }

        assertThat(r.outcome()).isEqualTo(GameDayOutcome.STOPPED);
        assertThat(r.reason())
                .startsWith("ended by the leader after experiment 1 of 3 was halted (")
                .contains("pressed in the test")
                .contains("2 experiment(s) did not run");
        assertThat(composition
                        .store()
                        .gameDays()
                        .find(r.gameDayRunId())
                        .orElseThrow()
                        .reason())
                .isEqualTo(r.reason());
    }
}
