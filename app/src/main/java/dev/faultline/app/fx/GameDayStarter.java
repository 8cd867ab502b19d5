package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.app.GameDayNotifiers;
import dev.faultline.app.SandboxSession;
import dev.faultline.app.cli.ReportFiles;
import dev.faultline.engine.notify.NotificationHub;
import dev.faultline.engine.env.Environment;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.gameday.GameDayListener;
import dev.faultline.engine.gameday.GameDayResult;
import dev.faultline.engine.gameday.GameDayRunner;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.spi.run.RunListener;
import dev.faultline.engine.runbook.LoadedGameDay;
import dev.faultline.engine.runbook.LoadedRunbook;
import dev.faultline.engine.store.GameDayRecorder;
import dev.faultline.engine.store.RunRecorder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Runs a whole GameDay from the app, off the FX thread: its experiments in order through the
 * engine's GameDay runner, each run recorded in H2 and shown in the live view as it starts.
 */
final class GameDayStarter {
    private final Composition composition;

    GameDayStarter(Composition composition) {
        this.composition = composition;
    }

    /**
     * @param beginExperiment told (on the GameDay's thread) before each experiment's run starts
     * @param runListener     hears every run's events (the live view's bridge)
     */
    Task<GameDayResult> task(Path file, Consumer<Experiment> beginExperiment, RunListener runListener,
                             GameDayListener dayListener, Consumer<String> say) {
        return new Task<>() {
            @Override
            protected GameDayResult call() throws Exception {
                LoadedGameDay day = composition.loader.loadGameDay(file);
                Path dir = file.toAbsolutePath().getParent();
                Map<String, LoadedRunbook> runbooks = new LinkedHashMap<>();
                for (String path : day.gameDay().experiments()) {
                    LoadedRunbook r = composition.loader.load(dir.resolve(path));
                    runbooks.put(r.experiment().name(), r);
                }
                Environment env = composition.environments.find(day.gameDay().environment()).orElseThrow(() ->
                        new IllegalArgumentException(file + ": spec.environment: unknown environment '"
                                + day.gameDay().environment() + "' (known: " + composition.environments.names() + ")"));
                if (env.production() && !ProductionConfirmation.ask(env.name(), "GameDay " + day.gameDay().title())) {
                    throw new IllegalStateException("not run: '" + env.name() + "' is a production environment and the"
                            + " GameDay was not confirmed");
                }
                List<RunRecorder> recorders = new java.util.concurrent.CopyOnWriteArrayList<>();
                String reportPattern = composition.home.root().resolve("reports").resolve("{id}.pdf").toString();
                NotificationHub hub = new NotificationHub(GameDayNotifiers.create(composition, reportPattern, say, say),
                        composition.store().undelivered(), composition.clock, java.time.Duration.ofSeconds(30));
                try (SandboxSession sandbox = SandboxSession.forRun(composition, env, "GameDay " + day.gameDay().name()
                        + " in the Faultline app", say)) {
                    GameDayRecorder dayRecorder = new GameDayRecorder(composition.store().gameDays(), day.text(), day.sha256());
                    List<Experiment> experiments = runbooks.values().stream().map(LoadedRunbook::experiment).toList();
                    GameDayRunner.Handle h = composition.gameDays.start(day.gameDay(), experiments, env, List.of(dayRecorder, hub, dayListener),
                            e -> {
                                beginExperiment.accept(e);
                                LoadedRunbook r = runbooks.get(e.name());
                                try {
                                    RunRecorder rec = new RunRecorder(composition.store(), composition.pendingResults, e,
                                            r.text(), r.sha256());
                                    recorders.add(rec);
                                    return List.of(runListener, rec, hub);
                                } catch (Exception ex) {
                                    say.accept("could not record " + e.name() + ": " + ex.getMessage());
                                    return List.of(runListener);
                                }
                            });
                    sandbox.nowRunning("GameDay " + h.gameDayRunId() + " (" + day.gameDay().name() + ") in the Faultline app");
                    GameDayResult result = h.result().get();
                    recorders.forEach(RunRecorder::flush);
                    if (!result.results().isEmpty()) {
                        Path out = Path.of(reportPattern.replace("{id}", result.gameDayRunId()));
                        try {
                            say.accept("report written to " + ReportFiles.write(composition, result.gameDayRunId(), "pdf", out,
                                    java.time.ZoneId.systemDefault()));
                        } catch (Exception e) {
                            say.accept("the report could not be written: " + e.getMessage());
                        }
                    }
                    return result;
                } finally {
                    hub.close();
                    for (RunRecorder r : recorders) {
                        r.close();
                    }
                }
            }
        };
    }

    /** A line for people per GameDay event. */
    static String describe(GameDayEvent e) {
        if (e instanceof GameDayEvent.Started s) {
            return "GameDay " + s.gameDay().title() + " started: " + s.experiments().size() + " experiment(s)";
        }
        if (e instanceof GameDayEvent.ExperimentStarted s) {
            return "experiment " + (s.index() + 1) + "/" + s.total() + ": " + s.experiment().name();
        }
        if (e instanceof GameDayEvent.ExperimentSkipped s) {
            return "experiment " + (s.index() + 1) + "/" + s.total() + " skipped: " + s.reason();
        }
        if (e instanceof GameDayEvent.ExperimentFinished f) {
            return "experiment " + (f.index() + 1) + "/" + f.total() + " finished: " + f.result().outcome();
        }
        GameDayEvent.Finished f = (GameDayEvent.Finished) e;
        return "GameDay finished: " + f.outcome() + " (" + f.reason() + ")";
    }
}
