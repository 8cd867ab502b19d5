package dev.faultline.app.cli;

import dev.faultline.app.Composition;
import dev.faultline.app.NotifierConfig;
import dev.faultline.app.SandboxSession;
import dev.faultline.app.StartupRecovery;
import dev.faultline.engine.env.Environment;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.gameday.GameDayResult;
import dev.faultline.engine.gameday.GameDayRunner;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.notify.NotificationHub;
import dev.faultline.engine.report.ReportException;
import dev.faultline.engine.spi.run.RunListener;
import dev.faultline.engine.runbook.LoadedGameDay;
import dev.faultline.engine.runbook.LoadedRunbook;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.safety.KillSwitchEngagedException;
import dev.faultline.engine.spi.Notifier;
import dev.faultline.engine.spi.NotifierException;
import dev.faultline.engine.spi.NotifierProvider;
import dev.faultline.engine.spi.NotifierSettings;
import dev.faultline.engine.store.GameDayRecorder;
import dev.faultline.engine.store.RunRecorder;
import dev.faultline.sandbox.SandboxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code faultline gameday run FILE}: runs a GameDay's experiments in order, records everything,
 * tells the notifiers (Slack), and writes the report. Exit 0 when every experiment held, 1 when one
 * did not or the day was stopped, 2 on invalid input, 3 when it could not run.
 */
@Command(name = "run", description = "Run a GameDay: its experiments in order, with notifications and a report.")
final class GameDayRunCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    GameDayCommand gameday;

    @Parameters(index = "0", paramLabel = "FILE", description = "the GameDay runbook (kind: GameDay)")
    Path file;

    @Option(names = "--report", paramLabel = "FILE", description = "where to write the PDF report; {id} is the GameDay"
            + " run's id (default: $FAULTLINE_HOME/reports/{id}.pdf)")
    @Nullable String report;

    @Option(names = "--no-report", description = "write no report at the end")
    boolean noReport;

    @Option(names = "--yes", description = "confirm a GameDay in a production environment")
    boolean yes;

    private final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        try {
            return day();
        } finally {
            finished.countDown();
        }
    }

    private int day() throws Exception {
        FaultlineCommand root = gameday.root;
        Composition c = root.composition();
        LoadedGameDay day;
        List<LoadedRunbook> runbooks;
        try {
            day = c.loader.loadGameDay(file);
            runbooks = c.loader.loadExperimentsOf(day);
        } catch (RunbookException e) {
            e.problems().forEach(p -> root.err().println(p));
            return ExitCodes.INVALID_INPUT;
        }
        Optional<Environment> env = c.environments.find(day.gameDay().environment());
        if (env.isEmpty()) {
            root.err().println(file + ": spec.environment: unknown environment '" + day.gameDay().environment()
                    + "' (known: " + c.environments.names() + ")");
            return ExitCodes.INVALID_INPUT;
        }
        StartupRecovery.run(c).forEach(root.err()::println);
        if (env.get().production() && !yes && !Confirmation.ask(root, "'" + env.get().name()
                + "' is a PRODUCTION environment. Run GameDay " + day.gameDay().name() + " there?")) {
            root.err().println("not run: production GameDays need confirmation (answer yes, or pass --yes)");
            return ExitCodes.COULD_NOT_RUN;
        }
        String reportPattern = noReport ? "" : report != null ? report
                : c.home.root().resolve("reports").resolve("{id}.pdf").toString();
        NotificationHub hub = new NotificationHub(notifiers(root, c, reportPattern), c.store().undelivered(), c.clock,
                Duration.ofSeconds(30));
        try (SandboxSession sandbox = SandboxSession.forRun(c, env.get(), "faultline gameday run " + day.gameDay().name(),
                root.out()::println)) {
            return run(root, c, day, runbooks, env.get(), hub, reportPattern, sandbox);
        } catch (SandboxException | KillSwitchEngagedException e) {
            root.err().println("faultline: " + e.getMessage());
            return ExitCodes.COULD_NOT_RUN;
        } finally {
            hub.close();
        }
    }

    private List<Notifier> notifiers(FaultlineCommand root, Composition c, String reportPattern) {
        return dev.faultline.app.GameDayNotifiers.create(c, reportPattern, root.out()::println,
                w -> root.err().println("faultline: " + w));
    }

    private int run(FaultlineCommand root, Composition c, LoadedGameDay day, List<LoadedRunbook> runbooks, Environment env,
                    NotificationHub hub, String reportPattern, SandboxSession sandbox) throws Exception {
        dev.faultline.engine.store.FaultlineStore store = c.store();
        Map<Experiment, LoadedRunbook> byExperiment = new IdentityHashMap<>();
        runbooks.forEach(r -> byExperiment.put(r.experiment(), r));
        List<RunRecorder> recorders = new java.util.concurrent.CopyOnWriteArrayList<>();
        GameDayRecorder dayRecorder = new GameDayRecorder(store.gameDays(), day.text(), day.sha256());
        ProgressPrinter progress = new ProgressPrinter(root.out());
        GameDayRunner.Handle h = c.gameDays.start(day.gameDay(), runbooks.stream().map(LoadedRunbook::experiment).toList(), env,
                List.of(dayRecorder, hub, e -> say(root, e)), e -> {
                    LoadedRunbook rb = byExperiment.get(e);
                    RunRecorder rec = new RunRecorder(store, c.pendingResults, e, rb.text(), rb.sha256());
                    recorders.add(rec);
                    return List.<RunListener>of(progress, rec, hub);
                });
        sandbox.nowRunning("GameDay " + h.gameDayRunId() + " (" + day.gameDay().name() + ")");
        Thread onCtrlC = new Thread(() -> {
            h.stop(new HaltReason(HaltReason.Source.SIGNAL, "interrupted (Ctrl-C or SIGTERM)"));
            try {
                finished.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "faultline-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            GameDayResult result = h.result().get();
            recorders.forEach(RunRecorder::flush);
            root.out().println("GameDay " + result.outcome() + ": " + result.reason());
            root.out().println("GameDay run id: " + result.gameDayRunId());
            if (!reportPattern.isEmpty() && !result.results().isEmpty()) {
                Path out = Path.of(reportPattern.replace("{id}", result.gameDayRunId()));
                try {
                    root.out().println("report written to " + ReportFiles.write(c, result.gameDayRunId(), "pdf", out,
                            ZoneId.systemDefault()));
                } catch (ReportException e) {
                    root.err().println("faultline: the GameDay is recorded, but " + e.getMessage()
                            + "; write it later with 'faultline report " + result.gameDayRunId() + "'");
                }
            }
            return result.exitCode();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it only waited for us
            }
        }
    }

    private static void say(FaultlineCommand root, GameDayEvent e) {
        if (e instanceof GameDayEvent.Started s) {
            root.out().println("GameDay " + s.gameDay().title() + " (" + s.gameDayRunId() + "): " + s.experiments().size()
                    + " experiment(s)");
        } else if (e instanceof GameDayEvent.ExperimentStarted s) {
            root.out().println("== experiment " + (s.index() + 1) + "/" + s.total() + ": " + s.experiment().name()
                    + " (run " + s.runId() + ")");
        } else if (e instanceof GameDayEvent.ExperimentSkipped s) {
            root.out().println("== skipped " + s.experiment().name() + ": " + s.reason());
        } else if (e instanceof GameDayEvent.ExperimentFinished f) {
            root.out().println("== " + f.experiment().name() + ": " + f.result().summary());
        }
    }
}
