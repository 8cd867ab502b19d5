package dev.faultline.app.cli;

import dev.faultline.app.Composition;
import dev.faultline.app.session.Notify;
import dev.faultline.app.session.Origin;
import dev.faultline.app.session.RunRefused;
import dev.faultline.app.session.RunRequest;
import dev.faultline.app.session.RunSession;
import dev.faultline.engine.report.JUnitXml;
import dev.faultline.engine.report.ResultJson;
import dev.faultline.engine.run.DryRun;
import dev.faultline.engine.runbook.LoadedRunbook;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code faultline run FILE}: runs one experiment, headless, with progress and a result for CI. */
@Command(
        name = "run",
        description = "Run an experiment. Exit 0 when the hypothesis held, 1 when it deviated or the"
                + " run was halted, 2 on invalid input, 3 when it could not run.")
final class RunCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    FaultlineCommand root;

    @Parameters(index = "0", paramLabel = "FILE", description = "the runbook")
    Path file;

    @Option(names = "--dry-run", description = "show what would happen: pre-flight checks, plan, probe readings")
    boolean dryRun;

    @Option(names = "--json", paramLabel = "FILE", description = "write the result as JSON")
    @Nullable
    Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "write the result as JUnit XML")
    @Nullable
    Path junit;

    @Option(names = "--yes", description = "confirm a run in a production environment")
    boolean yes;

    @Option(
            names = "--notify",
            description = "tell the notifiers GameDays use (Slack, from notifiers.properties) about this"
                    + " run too: a message of its own, each fault before it goes in, a halt, the result in its thread")
    boolean notify;

    @Option(
            names = "--metrics-port",
            paramLabel = "PORT",
            description = "serve Faultline's own metrics for Prometheus on"
                    + " http://127.0.0.1:PORT/metrics while the command runs")
    @Nullable
    Integer metricsPort;

    @Override
    public Integer call() throws Exception {
        Composition c = root.composition();
        LoadedRunbook runbook;
        try {
            runbook = c.loader.load(file);
        } catch (RunbookException e) {
            e.problems().forEach(p -> root.err().println(p));
            return ExitCodes.INVALID_INPUT;
        }
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        ProgressPrinter progress = new ProgressPrinter(root.out());
        CliCallbacks callbacks = new CliCallbacks(root, yes, "run") {
            @Override
            public void onEvent(RunEvent e) {
                progress.onEvent(e);
                if (!(e instanceof RunEvent.ProbeSampled)) {
                    events.add(e);
                }
            }
        };
        RunRequest request =
                new RunRequest(runbook, Origin.COMMAND_LINE, notify ? Notify.REQUESTED : Notify.OFF, metricsPort);
        try {
            if (dryRun) {
                DryRun d = RunSession.dryRun(c, request, callbacks);
                new ResultPrinter(root.out()).dryRun(runbook.experiment(), d);
                return d.passed() ? ExitCodes.OK : ExitCodes.COULD_NOT_RUN;
            }
            try (RunSession<RunResult> session = RunSession.startRun(c, request, callbacks)) {
                RunResult result = session.await();
                writeOutputs(result, events, runbook.experiment().stopConditions());
                new ResultPrinter(root.out()).result(result);
                return result.outcome().exitCode();
            }
        } catch (RunRefused e) {
            return callbacks.refused(e);
        } catch (IOException e) {
            root.err().println("faultline: " + e.getMessage());
            return ExitCodes.COULD_NOT_RUN;
        }
    }

    private void writeOutputs(
            RunResult result, List<RunEvent> events, List<dev.faultline.engine.model.StopCondition> stops)
            throws IOException {
        if (json != null) {
            Files.writeString(json, new ResultJson().write(result, events, stops), StandardCharsets.UTF_8);
            root.out().println("result written to " + json);
        }
        if (junit != null) {
            Files.writeString(junit, new JUnitXml().write(result), StandardCharsets.UTF_8);
            root.out().println("JUnit XML written to " + junit);
        }
    }
}
