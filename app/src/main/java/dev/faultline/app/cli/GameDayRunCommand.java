package dev.faultline.app.cli;

import dev.faultline.app.Composition;
import dev.faultline.app.session.GameDayRequest;
import dev.faultline.app.session.Origin;
import dev.faultline.app.session.RunRefused;
import dev.faultline.app.session.RunSession;
import dev.faultline.engine.gameday.GameDayResult;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.RunEvent;
import java.nio.file.Path;
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

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "where to write the PDF report; {id} is the GameDay"
                    + " run's id (default: $FAULTLINE_HOME/reports/{id}.pdf)")
    @Nullable
    String report;

    @Option(names = "--no-report", description = "write no report at the end")
    boolean noReport;

    @Option(names = "--yes", description = "confirm a GameDay in a production environment")
    boolean yes;

    @Option(
            names = "--metrics-port",
            paramLabel = "PORT",
            description = "serve Faultline's own metrics for Prometheus on"
                    + " http://127.0.0.1:PORT/metrics while the command runs")
    @Nullable
    Integer metricsPort;

    @Option(
            names = "--on-halt",
            paramLabel = "MODE",
            description = "after a halted experiment: ask (pause; release the kill switch here, then resume, repeat"
                    + " or end), resume (wait for 'faultline release', then go on), end (end the day),"
                    + " kill-switch-ends (the kill switch ends the day, a stop condition does not), auto (ask on a"
                    + " terminal, else kill-switch-ends; the default)",
            defaultValue = "auto",
            converter = OnHaltConverter.class)
    HaltPrompt.Mode onHalt = HaltPrompt.Mode.AUTO;

    /** Reads {@code --on-halt}: ask, resume, end, kill-switch-ends, auto. */
    static final class OnHaltConverter implements picocli.CommandLine.ITypeConverter<HaltPrompt.Mode> {
        @Override
        public HaltPrompt.Mode convert(String value) {
            try {
                return HaltPrompt.Mode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not one of ask, resume, end, kill-switch-ends, auto");
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        FaultlineCommand root = gameday.root;
        Composition c = root.composition();
        String reportPattern = noReport ? "" : report != null ? report : RunSession.defaultReportPattern(c);
        GameDayRequest request;
        try {
            request = RunSession.loadGameDay(c, file, Origin.COMMAND_LINE, reportPattern, metricsPort);
        } catch (RunbookException e) {
            e.problems().forEach(p -> root.err().println(p));
            return ExitCodes.INVALID_INPUT;
        }
        ProgressPrinter progress = new ProgressPrinter(root.out());
        HaltPrompt prompt = new HaltPrompt(
                onHalt,
                c.killSwitch,
                new java.io.BufferedReader(
                        new java.io.InputStreamReader(System.in, java.nio.charset.Charset.defaultCharset())),
                root.out());
        CliCallbacks callbacks = new CliCallbacks(root, yes, "GameDay") {
            @Override
            public dev.faultline.engine.spi.run.AfterHalt afterHalt(dev.faultline.engine.gameday.HaltPolicy.Halt h)
                    throws InterruptedException {
                return prompt.decide(h);
            }

            @Override
            public String haltDecider() {
                return prompt.decider();
            }

            @Override
            public void onEvent(RunEvent e) {
                progress.onEvent(e);
            }

            @Override
            public void onGameDayEvent(GameDayEvent e) {
                GameDayRunCommand.say(root, e);
            }
        };
        try (RunSession<GameDayResult> session = RunSession.startGameDay(c, request, callbacks)) {
            GameDayResult r = session.await();
            if (r.steps().stream().anyMatch(st -> st.skipped() || st.afterHalt() != null)) {
                root.out().println("the day, step by step:");
                r.steps().forEach(st -> root.out().println("  " + st.describe()));
            }
            return r.exitCode();
        } catch (RunRefused e) {
            return callbacks.refused(e);
        }
    }

    private static void say(FaultlineCommand root, GameDayEvent e) {
        switch (e) {
            case GameDayEvent.Started s ->
                root.out()
                        .println("GameDay " + s.gameDay().title() + " (" + s.gameDayRunId() + "): "
                                + s.experiments().size() + " experiment(s)");
            case GameDayEvent.ExperimentStarted s ->
                root.out()
                        .println("== experiment " + (s.index() + 1) + "/" + s.total() + ": "
                                + s.experiment().name() + " (run " + s.runId() + ")");
            case GameDayEvent.ExperimentSkipped s ->
                root.out().println("== skipped " + s.experiment().name() + ": " + s.reason());
            case GameDayEvent.ExperimentFinished f ->
                root.out()
                        .println("== " + f.experiment().name() + ": "
                                + f.result().summary());
            case GameDayEvent.HaltDecided d
            when d.expected() ->
                root.out()
                        .println("== " + d.experiment().name() + " " + d.halt()
                                + ": passed as expected, the day goes on without asking");
            case GameDayEvent.HaltDecided d ->
                root.out()
                        .println("== after the halt of " + d.experiment().name() + ": "
                                + switch (d.decision()) {
                                    case RESUME -> "the day goes on with the next experiment";
                                    case REPEAT -> "it runs again";
                                    case END -> "the day ends";
                                });
            case GameDayEvent.Finished f -> {
                root.out().println("GameDay " + f.outcome() + ": " + f.reason());
                root.out().println("GameDay run id: " + f.gameDayRunId());
            }
        }
    }
}
