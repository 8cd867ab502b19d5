package dev.faultline.engine.store;

import dev.faultline.engine.gameday.GameDayListener;
import dev.faultline.engine.gameday.GameDayStep;
import dev.faultline.engine.spi.run.GameDayEvent;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a GameDay run in the database as it goes: the GameDay's runbook, the GameDay run, each
 * experiment run linked to it in order, the day's steps (repeats, skipped experiments, what was
 * chosen after each halt), and its end. A database that fails is logged and never stops
 * the day (each run's own recorder keeps the run itself). On a team's shared store that goes away
 * during the day, its rows are kept in order with its runs' ({@link UnsentWrites}) and written
 * when the store is back.
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
        List<UnsentWrites.Write> writes = new ArrayList<>();
        switch (event) {
            case GameDayEvent.Started s ->
                writes.add(to -> {
                    long id = to.gameDays()
                            .saveGameDay(s.gameDay().name(), s.gameDay().title(), runbookText, sha256);
                    to.gameDays().createRun(s.gameDayRunId(), id, s.gameDay().environment(), s.at());
                });
            case GameDayEvent.ExperimentStarted e -> {
                int position = runs++;
                int seq = steps++;
                int attempt = attempts.merge(e.index(), 1, Integer::sum);
                writes.add(to -> to.gameDays().addMember(e.gameDayRunId(), position, e.runId()));
                writes.add(to -> to.gameDays()
                        .addStep(
                                e.gameDayRunId(),
                                seq,
                                new GameDayStep(e.index(), e.experiment().name(), e.runId(), attempt, null, "")));
            }
            case GameDayEvent.ExperimentSkipped e -> {
                int seq = steps++;
                writes.add(to -> to.gameDays()
                        .addStep(
                                e.gameDayRunId(),
                                seq,
                                new GameDayStep(e.index(), e.experiment().name(), null, 1, null, e.reason())));
            }
            case GameDayEvent.HaltDecided d ->
                writes.add(to -> to.gameDays().decideAfterHalt(d.gameDayRunId(), d.index(), d.decision(), d.halt()));
            case GameDayEvent.Finished f ->
                writes.add(to ->
                        to.gameDays().finishRun(f.gameDayRunId(), f.outcome().name(), f.at(), f.reason()));
            case GameDayEvent.ExperimentFinished _ -> {} // each run's own recorder keeps its end
        }
        FaultlineStore to = store.store();
        if (to.shared()) {
            UnsentWrites unsent = UnsentWrites.of(to);
            unsent.record(writes);
            if (event instanceof GameDayEvent.Finished) {
                unsent.awaitSent(UnsentWrites.CLOSE_WAIT); // the day's end: its rows before the process ends
            }
            return;
        }
        try {
            for (UnsentWrites.Write w : writes) {
                w.to(to);
            }
        } catch (StoreException e) {
            log.error("the GameDay goes on, but {} was not recorded: {}", event.type(), e.getMessage());
        }
    }
}
