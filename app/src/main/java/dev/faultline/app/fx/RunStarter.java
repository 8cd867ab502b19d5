package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.app.session.Notify;
import dev.faultline.app.session.Origin;
import dev.faultline.app.session.RunRequest;
import dev.faultline.app.session.RunSession;
import dev.faultline.engine.runbook.LoadedRunbook;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunListener;
import dev.faultline.engine.spi.run.RunResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Runs a runbook from the app, off the FX thread, through the same {@link RunSession} as the command
 * line; keeps the active session (a run or a GameDay) so that closing the window can halt it.
 */
public final class RunStarter {
    private final Composition composition;
    private final AtomicReference<RunSession<?>> current = new AtomicReference<>();

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
        return task(source, r -> {}, listener, say);
    }

    /** As above; {@code loaded} hears the runbook on the task's thread before the run starts. */
    public Task<RunResult> task(
            Callable<LoadedRunbook> source,
            Consumer<LoadedRunbook> loaded,
            RunListener listener,
            Consumer<String> say) {
        return new Task<>() {
            @Override
            protected RunResult call() throws Exception {
                LoadedRunbook runbook = source.call();
                loaded.accept(runbook);
                // From the app a run tells the notifiers that are set up, as a GameDay does: setting up Slack is the
                // opt-in.
                RunRequest request = new RunRequest(runbook, Origin.APP, Notify.IF_SET_UP, null);
                return RunStarter.this.run(() -> RunSession.startRun(
                        composition, request, new FxSessionCallbacks(listener, e -> {}, r -> {}, say)));
            }
        };
    }

    /** Runs a session on the calling thread (a task's), as the active one until its result is in. */
    <R> R run(Callable<RunSession<R>> start) throws Exception {
        try (RunSession<R> session = start.call()) {
            current.set(session);
            try {
                return session.await();
            } finally {
                current.set(null);
            }
        }
    }

    /** Whether a run or a GameDay started from the app is under way. */
    public boolean isRunning() {
        return current.get() != null;
    }

    /** Halts the active run or GameDay and waits (bounded) until its faults are reverted and its sandbox stopped. */
    public void haltAndWait() {
        RunSession<?> s = current.get();
        if (s == null) {
            return;
        }
        s.halt(new HaltReason(HaltReason.Source.SIGNAL, "the app window was closed"));
        if (!s.awaitClosed(RunSession.SIGNAL_WAIT)) {
            org.slf4j.LoggerFactory.getLogger(RunStarter.class)
                    .error("the halted run did not finish within {} s", RunSession.SIGNAL_WAIT.toSeconds());
        }
    }
}
