package dev.faultline.engine.store;

import dev.faultline.engine.gameday.GameDayListener;
import dev.faultline.engine.spi.run.GameDayEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a GameDay run in the database as it goes: the GameDay's runbook, the GameDay run, each
 * experiment run linked to it in order, and its end. A database that fails is logged and never stops
 * the day (each run's own recorder keeps the run itself).
 */
public final class GameDayRecorder implements GameDayListener {
    private static final Logger log = LoggerFactory.getLogger(GameDayRecorder.class);

    private final GameDayStore store;
    private final String runbookText;
    private final String sha256;

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
                store.addMember(e.gameDayRunId(), e.index(), e.runId());
            } else if (event instanceof GameDayEvent.Finished f) {
                store.finishRun(f.gameDayRunId(), f.outcome().name(), f.at(), f.reason());
            }
        } catch (StoreException e) {
            log.error("the GameDay goes on, but {} was not recorded: {}", event.type(), e.getMessage());
        }
    }
}
