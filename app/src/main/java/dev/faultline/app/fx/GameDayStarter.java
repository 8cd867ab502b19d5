package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.app.session.GameDayRequest;
import dev.faultline.app.session.Origin;
import dev.faultline.app.session.RunSession;
import dev.faultline.engine.gameday.GameDayListener;
import dev.faultline.engine.gameday.GameDayResult;
import dev.faultline.engine.gameday.HaltPolicy;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.RunListener;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Runs a whole GameDay from the app, off the FX thread, through the same {@link RunSession} as
 * {@code faultline gameday run}: its experiments in order, each recorded in H2 and shown in the live
 * view as it starts; the report goes to {@code $FAULTLINE_HOME/reports/{id}.pdf}.
 */
final class GameDayStarter {
    private final Composition composition;
    private final RunStarter runs;

    /** @param runs keeps the session as the app's active one (closing the window halts it) */
    GameDayStarter(Composition composition, RunStarter runs) {
        this.composition = composition;
        this.runs = runs;
    }

    /**
     * @param beginExperiment told (on the GameDay's thread) before each experiment's run starts
     * @param runListener     hears every run's events (the live view's bridge)
     */
    Task<GameDayResult> task(
            Path file,
            Consumer<Experiment> beginExperiment,
            RunListener runListener,
            GameDayListener dayListener,
            Consumer<String> say) {
        return task(file, beginExperiment, runListener, dayListener, say, HaltPolicy.AS_BEFORE);
    }

    /** @param onHalt asked (on the GameDay's thread, it may wait for the leader) after a halted experiment */
    Task<GameDayResult> task(
            Path file,
            Consumer<Experiment> beginExperiment,
            RunListener runListener,
            GameDayListener dayListener,
            Consumer<String> say,
            HaltPolicy onHalt) {
        return new Task<>() {
            @Override
            protected GameDayResult call() throws Exception {
                GameDayRequest request = RunSession.loadGameDay(
                        composition, file, Origin.APP, RunSession.defaultReportPattern(composition), null);
                return runs.run(() -> RunSession.startGameDay(
                        composition,
                        request,
                        new FxSessionCallbacks(
                                runListener, dayListener, r -> beginExperiment.accept(r.experiment()), say, onHalt)));
            }
        };
    }

    /** A line for people per GameDay event. */
    static String describe(GameDayEvent e) {
        return switch (e) {
            case GameDayEvent.Started s ->
                "GameDay " + s.gameDay().title() + " started: "
                        + s.experiments().size() + " experiment(s)";
            case GameDayEvent.ExperimentStarted s ->
                "experiment " + (s.index() + 1) + "/" + s.total() + ": "
                        + s.experiment().name();
            case GameDayEvent.ExperimentSkipped s ->
                "experiment " + (s.index() + 1) + "/" + s.total() + " skipped: " + s.reason();
            case GameDayEvent.ExperimentFinished f ->
                "experiment " + (f.index() + 1) + "/" + f.total() + " finished: "
                        + f.result().outcome();
            case GameDayEvent.HaltDecided d
            when d.expected() ->
                "experiment " + (d.index() + 1) + "/" + d.total() + " " + d.halt()
                        + ": passed as expected, the day goes on";
            case GameDayEvent.HaltDecided d ->
                "after the halt of experiment " + (d.index() + 1) + "/" + d.total() + ": "
                        + switch (d.decision()) {
                            case RESUME -> "resumed with the next experiment";
                            case REPEAT -> "repeating it";
                            case END -> "the day was ended";
                        };
            case GameDayEvent.Finished f -> "GameDay finished: " + f.outcome() + " (" + f.reason() + ")";
        };
    }
}
