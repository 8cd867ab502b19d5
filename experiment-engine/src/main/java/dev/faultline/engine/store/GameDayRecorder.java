package dev.faultline.engine.store;

import dev.faultline.engine.gameday.GameDayListener;
import dev.faultline.engine.gameday.GameDayStep;
import dev.faultline.engine.spi.run.GameDayEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a GameDay run in the database as it goes: the GameDay's runbook, the GameDay run, each
 * experiment run linked to it in order, the day's steps (repeats, skipped experiments, what was
 * chosen after each halt), and its end. A database that fails is logged and never stops
 * the day (each run's own recorder keeps the run itself).
 */
public final class GameDayRecorder implements GameDayListener {
    private static final Logger log = LoggerFactory.getLogger(GameDayRecorder.class);

    private final GameDayStore store;
    private final String runbookText;
    private final String sha256;
    /** Runs started so far (their place in gameday_run_member) and steps so far; one recorder per GameDay run. */
    private int runs;

    private int steps;
    private final java.util.Map<Integer, Integer> attempts = new java.util.HashMap<>();

    public GameDayRecorder(GameDayStore store, String runbookText, String sha256) {
        this.store = store;
        this.runbookText = runbookText;
        this.sha256 = sha256;
    }

    @Override
    public void onGameDayEvent(GameDayEvent event) {
        try {
            if (event instanceof GameDayEvent.Started s) {
                long id = store.saveGameDay(s.gameDay().name(), s.gameDay().title(), runbookText, sha256);
                store.createRun(s.gameDayRunId(), id, s.gameDay().environment(), s.at());
            } else if (event instanceof GameDayEvent.ExperimentStarted e) {
                store.addMember(e.gameDayRunId(), runs++, e.runId());
                int attempt = attempts.merge(e.index(), 1, Integer::sum);
                store.addStep(
                        e.gameDayRunId(),
                        steps++,
                        new GameDayStep(e.index(), e.experiment().name(), e.runId(), attempt, null, ""));
            } else if (event instanceof GameDayEvent.ExperimentSkipped e) {
                store.addStep(
                        e.gameDayRunId(),
                        steps++,
                        new GameDayStep(e.index(), e.experiment().name(), null, 1, null, e.reason()));
            } else if (event instanceof GameDayEvent.HaltDecided d) {
                store.decideAfterHalt(d.gameDayRunId(), d.index(), d.decision(), d.halt());
            } else if (event instanceof GameDayEvent.Finished f) {
                store.finishRun(f.gameDayRunId(), f.outcome().name(), f.at(), f.reason());
            }
        } catch (StoreException e) {
            log.error("the GameDay goes on, but {} was not recorded: {}", event.type(), e.getMessage());
        }
    }
}
