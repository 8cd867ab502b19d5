package dev.faultline.app.view.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Checklist;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.model.Participant;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.spi.run.AfterHalt;
import dev.faultline.engine.spi.run.GameDayEvent;
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
        m.pause(new LiveRunViewModel.PausedDay(0, 2, e.name(), e.name(), "the kill switch is engaged", answer));
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
    void thePausedLineSaysTheKillSwitchWasReleasedOnceItIs() {
        LiveRunViewModel.PausedDay p = new LiveRunViewModel.PausedDay(
                0,
                4,
                "payment-latency-holds",
                "payment-outage-halts",
                "the kill switch is engaged (drill)",
                new CompletableFuture<>());

        assertThat(p.headline(true))
                .isEqualTo("GameDay paused: experiment 1 of 4 (payment-latency-holds) was halted: the kill switch is"
                        + " engaged (drill)");
        assertThat(p.headline(false))
                .isEqualTo("GameDay paused: experiment 1 of 4 (payment-latency-holds) was halted by the kill switch"
                        + " (drill); it is released now")
                .doesNotContain("is engaged");
        LiveRunViewModel.PausedDay byTheApp = new LiveRunViewModel.PausedDay(
                0,
                4,
                "payment-latency-holds",
                "payment-outage-halts",
                "the kill switch is engaged (kill switch: kill switch pressed in the app)",
                new CompletableFuture<>());
        assertThat(byTheApp.headline(false))
                .endsWith("was halted by the kill switch (kill switch pressed in the app); it is released now");
        LiveRunViewModel.PausedDay byStop = new LiveRunViewModel.PausedDay(
                1, 4, "payment-outage-halts", "x", "stop condition orders-failing", new CompletableFuture<>());
        assertThat(byStop.headline(false)).endsWith("was halted: stop condition orders-failing");
    }
}
