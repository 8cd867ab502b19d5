package dev.faultline.app.view.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Checklist;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.model.Participant;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.spi.run.AfterHalt;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The live view through a GameDay: its plan, "experiment n of m", results between, one log for the day, the pause. */
class LiveGameDayTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private final LiveRunViewModel m = new LiveRunViewModel(ZoneId.of("UTC"));

    private static Experiment experiment() throws Exception {
        return new RunbookLoader()
                .load(Path.of("..", "runbooks", "sandbox", "payment-latency-holds.yaml"))
                .experiment();
    }

    private static GameDay day() {
        return new GameDay(
                "day",
                "A day",
                "",
                List.of("learn"),
                T0,
                ZoneId.of("UTC"),
                "sandbox",
                List.of(new Participant("Ada", Participant.Role.LEADER)),
                List.of("a.yaml", "b.yaml"),
                Checklist.EMPTY);
    }

    private static RunResult result(String runId, Experiment e, RunOutcome o) {
        return new RunResult(
                runId,
                e.name(),
                "sandbox",
                o,
                "because",
                T0,
                T0.plusSeconds(30),
                dev.faultline.engine.spi.run.Impact.of(0, true),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    @Test
    void theSandboxsStartIsProgressNotNoRunActive() {
        m.preparing("first-gameday.yaml", T0);

        assertThat(m.titleProperty().get()).isEqualTo("Starting first-gameday.yaml");
        assertThat(m.preparingProperty().get()).isTrue();
        assertThat(m.runningProperty().get()).isTrue();
        assertThat(m.startedAtProperty().get()).isEqualTo(T0.toEpochMilli());
    }

    @Test
    void aDayShowsItsPlanProgressAndResultsAndKeepsOneLog() throws Exception {
        Experiment e = experiment();
        m.preparing("day.yaml", T0);
        m.addSystemLine("starting the sandbox");
        m.acceptDay(new GameDayEvent.Started("d1", T0, day(), List.of(e, e)));
        m.acceptDay(new GameDayEvent.ExperimentStarted("d1", T0, 0, 2, e, "r1"));
        m.begin(e, T0);
        m.accept(List.of(new RunEvent.RunStarted("r1", T0, e.name(), "sandbox", false)));
        assertThat(m.progressProperty().get()).isEqualTo("Experiment 1 of 2: " + e.name());
        assertThat(m.preparingProperty().get()).isFalse();

        m.acceptDay(new GameDayEvent.ExperimentFinished("d1", T0, 0, 2, e, result("r1", e, RunOutcome.HALTED)));
        CompletableFuture<AfterHalt> answer = new CompletableFuture<>();
        m.pause(new PausedDay(
                0, 2, e.name(), e.name(), new DayHalt(HaltReason.killSwitch("drill"), T0.plusSeconds(12)), answer));
        assertThat(m.pausedProperty().get()).isNotNull();
        m.choose(AfterHalt.REPEAT);
        assertThat(answer).isCompletedWithValue(AfterHalt.REPEAT);
        assertThat(m.pausedProperty().get()).isNull();
        m.acceptDay(new GameDayEvent.HaltDecided("d1", T0, 0, 2, e, AfterHalt.REPEAT, "the kill switch"));
        m.acceptDay(new GameDayEvent.ExperimentStarted("d1", T0, 0, 2, e, "r2"));
        m.begin(e, T0.plusSeconds(40));

        assertThat(m.progressProperty().get()).isEqualTo("Experiment 1 of 2: " + e.name() + " (repeated)");
        assertThat(m.plan()).hasSize(2);
        assertThat(m.plan().get(0)).contains("running again");
        assertThat(m.plan().get(1)).endsWith("waiting");
        // the log of the whole day: the sandbox's start, the first run's result, the pause, the second start
        assertThat(m.log())
                .anyMatch(l -> l.contains("starting the sandbox"))
                .anyMatch(l -> l.contains("result of experiment 1 of 2") && l.contains("HALTED"))
                .anyMatch(l -> l.contains("paused: experiment 1 of 2"))
                .anyMatch(l -> l.contains("── Experiment 1 of 2"));

        m.acceptDay(new GameDayEvent.ExperimentSkipped("d1", T0, 1, 2, e, "the day was ended"));
        assertThat(m.plan().get(1)).contains("skipped: the day was ended");
    }

    @Test
    void anExpectedHaltIsMarkedPassedAsExpectedAndTheDayIsNotPaused() throws Exception {
        Experiment e = experiment();
        m.preparing("day.yaml", T0);
        m.acceptDay(new GameDayEvent.Started("d1", T0, day(), List.of(e, e)));
        m.acceptDay(new GameDayEvent.ExperimentStarted("d1", T0, 0, 2, e, "r1"));
        m.acceptDay(new GameDayEvent.ExperimentFinished("d1", T0, 0, 2, e, result("r1", e, RunOutcome.HALTED)));
        m.acceptDay(new GameDayEvent.HaltDecided(
                "d1", T0, 0, 2, e, AfterHalt.RESUME, "halted as expected by orders-failing", true));

        assertThat(m.pausedProperty().get()).isNull();
        assertThat(m.plan().get(0)).contains("PASSED as expected").contains("halted as expected by orders-failing");
        assertThat(m.log())
                .anyMatch(l -> l.contains("halted as expected by orders-failing") && l.contains("the day goes on"));
    }

    @Test
    void thePausedLineNamesTheHaltOnceAndTheReleaseWhenItComes() {
        CompletableFuture<AfterHalt> answer = new CompletableFuture<>();
        m.pause(new PausedDay(
                0,
                4,
                "payment-latency-holds",
                "payment-outage-halts",
                new DayHalt(HaltReason.killSwitch("pressed in the app"), T0.plusSeconds(7)),
                answer));

        assertThat(m.pausedHeadline())
                .isEqualTo("GameDay paused: experiment 1 of 4 (payment-latency-holds) was halted at 10:00:07 by the"
                        + " kill switch (pressed in the app)");
        m.released(T0.plusSeconds(70), "all faults confirmed gone");
        assertThat(m.pausedHeadline())
                .isEqualTo("GameDay paused: experiment 1 of 4 (payment-latency-holds) was halted at 10:00:07 by the"
                        + " kill switch (pressed in the app); released at 10:01:10: all faults confirmed gone");
        assertThat(m.log())
                .anyMatch(l -> l.equals("10:01:10  kill switch released: all faults confirmed gone"))
                .noneMatch(l -> l.contains("kill switch (kill switch"));

        PausedDay byStop = new PausedDay(
                1,
                4,
                "payment-outage-halts",
                "x",
                new DayHalt(
                        new HaltReason(
                                HaltReason.Source.STOP_CONDITION,
                                "stop condition orders-failing breached: order-success-ratio read 0.31"),
                        T0),
                new CompletableFuture<>());
        assertThat(byStop.headline(
                        java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("UTC"))))
                .endsWith("was halted at 10:00:00 by its stop condition orders-failing breached: order-success-ratio"
                        + " read 0.31");
    }

    @Test
    void aKillSwitchPressedWhileADayPausedForAnotherHaltIsNamedWithItsRelease() {
        m.pause(new PausedDay(
                2,
                4,
                "payment-pause-recovers",
                "payment-half-unavailable",
                new DayHalt(
                        new HaltReason(HaltReason.Source.METHOD, "fault 'freeze-payments' could not be injected"),
                        T0.plusSeconds(7)),
                new CompletableFuture<>()));
        m.released(T0.plusSeconds(70), "checked, nothing active");

        assertThat(m.pausedHeadline())
                .isEqualTo("GameDay paused: experiment 3 of 4 (payment-pause-recovers) was halted at 10:00:07 by its"
                        + " method: fault 'freeze-payments' could not be injected; the kill switch released at"
                        + " 10:01:10: checked, nothing active");
    }

    @Test
    void aDayEndedBeforeItsFirstExperimentNoLongerSaysItIsStarting() throws Exception {
        Experiment e = experiment();
        m.preparing("first-gameday.yaml", T0);
        m.acceptDay(new GameDayEvent.Started("d1", T0, day(), List.of(e, e)));
        m.acceptDay(new GameDayEvent.ExperimentSkipped("d1", T0, 0, 2, e, "the kill switch is engaged"));
        m.acceptDay(new GameDayEvent.ExperimentSkipped("d1", T0, 1, 2, e, "the kill switch is engaged"));
        m.acceptDay(new GameDayEvent.Finished(
                "d1",
                T0.plusSeconds(60),
                day(),
                dev.faultline.engine.spi.run.GameDayOutcome.STOPPED,
                "the kill switch is engaged; 2 experiment(s) did not run",
                List.of()));

        assertThat(m.titleProperty().get()).isEqualTo("GameDay A day: nothing ran");
        assertThat(m.phaseProperty().get()).isEqualTo("STOPPED");
        assertThat(m.verdictProperty().get()).isEqualTo("the kill switch is engaged; 2 experiment(s) did not run");
        assertThat(m.preparingProperty().get()).as("no longer starting").isFalse();
        assertThat(m.runningProperty().get()).isFalse();
    }

    @Test
    void afterResumeTheLogsSeparatorNamesTheNextExperimentAndThePause() throws Exception {
        Experiment e = experiment();
        m.preparing("day.yaml", T0);
        m.acceptDay(new GameDayEvent.Started("d1", T0, day(), List.of(e, e)));
        m.acceptDay(new GameDayEvent.ExperimentStarted("d1", T0, 0, 2, e, "r1"));
        m.begin(e, T0);
        m.acceptDay(new GameDayEvent.ExperimentFinished("d1", T0, 0, 2, e, result("r1", e, RunOutcome.HALTED)));
        m.pause(new PausedDay(
                0,
                2,
                e.name(),
                e.name(),
                new DayHalt(HaltReason.killSwitch("pressed in the app"), T0.plusSeconds(7)),
                new CompletableFuture<>()));
        m.released(T0.plusSeconds(70), "all faults confirmed gone");
        m.choose(AfterHalt.RESUME);
        // the app begins the next run before the day's "experiment 2 of 2" event reaches the view
        m.begin(e, T0.plusSeconds(80));

        assertThat(m.log())
                .contains("10:01:20  ── Experiment 2 of 2: " + e.name() + ", resumed after experiment 1 was halted at"
                        + " 10:00:07 by the kill switch (pressed in the app); released at 10:01:10: all faults"
                        + " confirmed gone ──")
                .noneMatch(l -> l.contains("── Paused after"));
    }
}
