package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.Composition;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.runbook.LoadedGameDay;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.spi.run.AfterHalt;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.GameDayOutcome;
import dev.faultline.engine.store.GameDayRecorder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline gameday list} shows the steps of a day that had a halt: repeated, resumed, ended, skipped. */
@ForkSandbox.Indifferent
class GameDayListStepsIT {
    @TempDir
    Path home;

    @Test
    void aDayWithHaltsIsListedWithItsSteps() throws Exception {
        Path runbooks = Path.of(System.getProperty("faultline.runbooks", "../runbooks"), "sandbox");
        RunbookLoader loader = new RunbookLoader();
        LoadedGameDay day = loader.loadGameDay(runbooks.resolve("first-gameday.yaml"));
        List<Experiment> es =
                loader.loadExperimentsOf(day).stream().map(r -> r.experiment()).toList();
        Instant t = Instant.parse("2026-12-03T10:00:00Z");
        String id = "20261203-100000-first-gameday-abcd";
        try (Composition c = new Composition(new FaultlineHome(home))) {
            GameDayRecorder rec = new GameDayRecorder(c.store().gameDays(), "kind: GameDay\n", "e".repeat(64));
            int n = es.size();
            rec.onGameDayEvent(new GameDayEvent.Started(id, t, day.gameDay(), es));
            rec.onGameDayEvent(new GameDayEvent.ExperimentStarted(id, t, 0, n, es.get(0), "run-0"));
            rec.onGameDayEvent(new GameDayEvent.HaltDecided(id, t, 0, n, es.get(0), AfterHalt.REPEAT, "smoke"));
            rec.onGameDayEvent(new GameDayEvent.ExperimentStarted(id, t, 0, n, es.get(0), "run-0b"));
            rec.onGameDayEvent(new GameDayEvent.ExperimentStarted(id, t, 1, n, es.get(1), "run-1"));
            rec.onGameDayEvent(new GameDayEvent.HaltDecided(id, t, 1, n, es.get(1), AfterHalt.END, "smoke again"));
            for (int i = 2; i < n; i++) {
                rec.onGameDayEvent(new GameDayEvent.ExperimentSkipped(id, t, i, n, es.get(i), "smoke again"));
            }
            rec.onGameDayEvent(new GameDayEvent.Finished(
                    id, t.plusSeconds(600), day.gameDay(), GameDayOutcome.STOPPED, "smoke again", List.of()));
        }
        StringWriter out = new StringWriter();
        int exit = FaultlineCommand.execute(
                new FaultlineHome(home),
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true),
                "gameday",
                "list");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("STOPPED")
                .contains("    1 " + es.get(0).name() + ": halted, then repeated")
                .contains("    1 " + es.get(0).name() + " (repeat 2)")
                .contains("    2 " + es.get(1).name() + ": halted, then the day was ended")
                .contains("    3 " + es.get(2).name() + ": skipped (smoke again)");
    }
}
