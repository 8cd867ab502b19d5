package dev.faultline.app.cli;

import dev.faultline.app.Composition;
import dev.faultline.app.GameDayNotifiers;
import dev.faultline.app.SandboxPrometheus;
import dev.faultline.app.SandboxSession;
import dev.faultline.app.StartupRecovery;
import dev.faultline.engine.env.Environment;
import dev.faultline.engine.notify.NotificationHub;
import dev.faultline.engine.report.JUnitXml;
import dev.faultline.engine.report.ResultJson;
import dev.faultline.engine.run.DryRun;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.run.RunHandle;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.runbook.LoadedRunbook;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.safety.KillSwitchEngagedException;
import dev.faultline.engine.store.RunRecorder;
import dev.faultline.sandbox.SandboxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code faultline run FILE}: runs one experiment, headless, with progress and a result for CI. */
@Command(name = "run", description = "Run an experiment. Exit 0 when the hypothesis held, 1 when it deviated or the"
        + " run was halted, 2 on invalid input, 3 when it could not run.")
final class RunCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    FaultlineCommand root;

    @Parameters(index = "0", paramLabel = "FILE", description = "the runbook")
    Path file;

    @Option(names = "--dry-run", description = "show what would happen: pre-flight checks, plan, probe readings")
    boolean dryRun;

    @Option(names = "--json", paramLabel = "FILE", description = "write the result as JSON")
    @Nullable Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "write the result as JUnit XML")
    @Nullable Path junit;

    @Option(names = "--yes", description = "confirm a run in a production environment")
    boolean yes;

    @Option(names = "--notify", description = "tell the notifiers GameDays use (Slack, from notifiers.properties) about this"
            + " run too: a message of its own, each fault before it goes in, a halt, the result in its thread")
    boolean notify;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "serve Faultline's own metrics for Prometheus on"
            + " http://127.0.0.1:PORT/metrics while the command runs")
    @Nullable Integer metricsPort;

    /** Counted down when the command is completely done, sandbox stopped: Ctrl-C waits for it. */
    private final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        try {
            return runbookRun();
        } finally {
            finished.countDown();
        }
    }

    private int runbookRun() throws Exception {
        Composition c = root.composition();
        LoadedRunbook runbook;
        try {
            runbook = c.loader.load(file);
        } catch (RunbookException e) {
            e.problems().forEach(p -> root.err().println(p));
            return ExitCodes.INVALID_INPUT;
        }
        Optional<Environment> env = c.environments.find(runbook.experiment().environment());
        if (env.isEmpty()) {
            c.environmentProblems.forEach(p -> root.err().println(p));
            root.err().println(file + ": spec.environment: unknown environment '" + runbook.experiment().environment()
                    + "' (known: " + c.environments.names() + ")");
            return ExitCodes.INVALID_INPUT;
        }
        StartupRecovery.run(c).forEach(root.err()::println);
        if (c.haltSocketProblem != null) {
            root.err().println("faultline: warning: " + c.haltSocketProblem);
        }
        if (env.get().production() && !yes && !Confirmation.ask(root, "'" + env.get().name()
                + "' is a PRODUCTION environment. Run " + runbook.experiment().name() + " there?")) {
            root.err().println("not run: production runs need confirmation (answer yes, or pass --yes)");
            return ExitCodes.COULD_NOT_RUN;
        }
        String what = "faultline run " + runbook.experiment().name();
        try (SandboxSession sandbox = dryRun ? SandboxSession.forDryRun(c, env.get(), what + " --dry-run", root.out()::println)
                : SandboxSession.forRun(c, env.get(), what, root.out()::println);
             SandboxPrometheus prometheus = SandboxPrometheus.startIfNeeded(c, env.get(), runbook.experiment(),
                     root.out()::println)) {
            if (metricsPort != null) {
                root.out().println("Faultline's metrics on http://127.0.0.1:" + c.serveMetrics(metricsPort) + "/metrics");
            }
            return dryRun ? dryRun(c, runbook, env.get()) : run(c, runbook, env.get(), sandbox);
        } catch (SandboxException e) {
            root.err().println("faultline: " + e.getMessage());
            return ExitCodes.COULD_NOT_RUN;
        } catch (KillSwitchEngagedException | java.io.IOException e) {
            root.err().println("faultline: " + e.getMessage());
            return ExitCodes.COULD_NOT_RUN;
        }
    }

    private int dryRun(Composition c, LoadedRunbook runbook, Environment env) {
        DryRun d = c.runner.dryRun(runbook.experiment(), env);
        new ResultPrinter(root.out()).dryRun(runbook.experiment(), d);
        return d.passed() ? ExitCodes.OK : ExitCodes.COULD_NOT_RUN;
    }

    private int run(Composition c, LoadedRunbook runbook, Environment env, SandboxSession sandbox) throws Exception {
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        try (RunRecorder recorder = new RunRecorder(c.store(), c.pendingResults, runbook.experiment(), runbook.text(), runbook.sha256());
             NotificationHub hub = new NotificationHub(notify ? GameDayNotifiers.create(c, "", root.out()::println,
                     w -> root.err().println("faultline: " + w)) : List.of(), c.store().undelivered(), c.clock, Duration.ofSeconds(30))) {
            if (notify && hub.isEmpty()) {
                root.err().println("faultline: --notify: no notifier is set up (Slack: notifiers.properties in the data folder"
                        + " or FAULTLINE_SLACK_* variables; 'faultline slack test' checks it); the run goes on without");
            }
            RunHandle handle = c.runner.start(runbook.experiment(), env, List.of(new ProgressPrinter(root.out()),
                    recorder, c.metrics, hub, e -> {
                        if (!(e instanceof RunEvent.ProbeSampled)) {
                            events.add(e);
                        }
                    }));
            sandbox.nowRunning("run " + handle.runId() + " of " + runbook.experiment().name());
            Thread onCtrlC = new Thread(() -> {
                handle.halt(new HaltReason(HaltReason.Source.SIGNAL, "interrupted (Ctrl-C or SIGTERM)"));
                try {
                    // The JVM exits when the hooks are done: wait for the rollback, the result files
                    // and the sandbox's stop, all of which the main thread is still doing.
                    finished.await(90, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }, "faultline-ctrl-c");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            try {
                RunResult result = handle.result().get();
                recorder.flush();
                writeOutputs(result, events);
                new ResultPrinter(root.out()).result(result);
                return result.outcome().exitCode();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(onCtrlC);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it only waited for us
                }
            }
        }
    }

    private void writeOutputs(RunResult result, List<RunEvent> events) throws IOException {
        if (json != null) {
            Files.writeString(json, new ResultJson().write(result, events), StandardCharsets.UTF_8);
            root.out().println("result written to " + json);
        }
        if (junit != null) {
            Files.writeString(junit, new JUnitXml().write(result), StandardCharsets.UTF_8);
            root.out().println("JUnit XML written to " + junit);
        }
    }
}
