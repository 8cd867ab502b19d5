package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.app.SandboxSession;
import dev.faultline.engine.env.Environment;
import dev.faultline.engine.run.RunHandle;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.runbook.LoadedRunbook;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.store.RunRecord;
import dev.faultline.engine.store.RunRecorder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import dev.faultline.app.view.common.RunRow;
import dev.faultline.engine.spi.run.RunListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/** Runs a runbook from the app, off the FX thread, the same way the command line does. */
public final class RunStarter {
    private final Composition composition;
    private final AtomicReference<RunHandle> current = new AtomicReference<>();

    public RunStarter(Composition composition) {
        this.composition = composition;
    }

    /** Loads the runbook file off the FX thread, then runs it. */
    public Task<RunResult> task(Path file, RunListener listener, Consumer<String> say) {
        return task(() -> composition.loader.load(file), listener, say);
    }

    /**
     * Runs a runbook off the FX thread: {@code runbook} is called on the task's thread (loading a
     * file, parsing the editor's text), then the run goes as from the command line.
     */
    public Task<RunResult> task(Callable<LoadedRunbook> source, RunListener listener, Consumer<String> say) {
        return task(source, r -> { }, listener, say);
    }

    /** As above; {@code loaded} hears the runbook on the task's thread before the run starts. */
    public Task<RunResult> task(Callable<LoadedRunbook> source, Consumer<LoadedRunbook> loaded, RunListener listener,
                                Consumer<String> say) {
        return new Task<>() {
            @Override
            protected RunResult call() throws Exception {
                LoadedRunbook runbook = source.call();
                loaded.accept(runbook);
                String file = runbook.file();
                Environment env = composition.environments.find(runbook.experiment().environment())
                        .orElseThrow(() -> new IllegalArgumentException(file + ": spec.environment: unknown environment '"
                                + runbook.experiment().environment() + "' (known: " + composition.environments.names() + ")"));
                if (env.production() && !ProductionConfirmation.ask(env.name(), runbook.experiment().name())) {
                    throw new IllegalStateException("not run: '" + env.name() + "' is a production environment and the"
                            + " run was not confirmed");
                }
                try (SandboxSession sandbox = SandboxSession.forRun(composition, env, "a run of "
                        + runbook.experiment().name() + " in the Faultline app", say);
                     dev.faultline.app.SandboxPrometheus prometheus = dev.faultline.app.SandboxPrometheus.startIfNeeded(
                             composition, env, runbook.experiment(), say);
                     RunRecorder recorder = new RunRecorder(composition.store(), composition.pendingResults, runbook.experiment(), runbook.text(), runbook.sha256())) {
                    RunHandle handle = composition.runner.start(runbook.experiment(), env, List.of(listener, recorder,
                            composition.metrics));
                    current.set(handle);
                    sandbox.nowRunning("run " + handle.runId() + " of " + runbook.experiment().name() + " in the Faultline app");
                    try {
                        return handle.result().get();
                    } finally {
                        current.set(null);
                        recorder.flush();
                    }
                }
            }
        };
    }

    public boolean isRunning() {
        return current.get() != null;
    }

    /** Halts the active run and waits (bounded) until its faults are reverted. */
    public void haltAndWait() {
        RunHandle h = current.get();
        if (h == null) {
            return;
        }
        h.halt(new HaltReason(HaltReason.Source.SIGNAL, "the app window was closed"));
        try {
            h.result().get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(RunStarter.class).error("the halted run did not finish in time", e);
        }
    }

    public List<RunRow> recentRuns() throws Exception {
        return composition.store().recentRuns(200).stream().map(RunStarter::row).toList();
    }

    private static RunRow row(RunRecord r) {
        Duration took = r.endedAt() == null ? null : Duration.between(r.startedAt(), r.endedAt());
        String summary = r.summary() == null ? "" : r.summary();
        // The stored summary starts "HALTED after 7s: ..."; the table shows outcome and duration already.
        if (summary.startsWith(r.status() + " after ") && summary.contains(": ")) {
            summary = summary.substring(summary.indexOf(": ") + 2);
        }
        return new RunRow(r.id(), r.experimentName(), r.status(), r.startedAt(), took, summary);
    }
}
