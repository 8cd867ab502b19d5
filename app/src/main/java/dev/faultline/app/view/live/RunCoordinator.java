package dev.faultline.app.view.live;

import dev.faultline.app.fx.FxRunBridge;
import dev.faultline.app.fx.RunStarter;
import dev.faultline.app.view.common.Background;
import dev.faultline.app.view.common.Dialogs;
import dev.faultline.engine.runbook.LoadedRunbook;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;

/**
 * Starts runs from any screen and feeds the live view: one run at a time from the app (the kill
 * switch halts it and anything the command line runs).
 */
public final class RunCoordinator {
    private final RunStarter starter;
    private final LiveRunViewModel live;
    private final Runnable showLive;
    private final Runnable runsChanged;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final java.util.function.Supplier<java.util.Optional<String>> refusal;
    private volatile Task<?> current;

    public RunCoordinator(RunStarter starter, LiveRunViewModel live, Runnable showLive, Runnable runsChanged) {
        this(starter, live, showLive, runsChanged, java.util.Optional::empty);
    }

    /**
     * @param refusal why nothing may start now (the kill switch is engaged), asked before anything
     *                starts; empty: it may
     */
    public RunCoordinator(
            RunStarter starter,
            LiveRunViewModel live,
            Runnable showLive,
            Runnable runsChanged,
            java.util.function.Supplier<java.util.Optional<String>> refusal) {
        this.starter = starter;
        this.live = live;
        this.showLive = showLive;
        this.runsChanged = runsChanged;
        this.refusal = refusal;
    }

    /** Loads (off the FX thread) and runs a runbook, switching to the live view. */
    public void start(String what, Callable<LoadedRunbook> source) {
        start(
                what,
                (bridge, say) -> starter.task(
                        source, r -> Platform.runLater(() -> live.begin(r.experiment(), Instant.now())), bridge, say));
    }

    /** Makes the task of a run (or of a GameDay's runs) from the live view's bridge and line sink. */
    public interface RunTaskFactory {
        Task<?> create(FxRunBridge bridge, Consumer<String> say);
    }

    /** Starts any run task, one at a time, switching to the live view. */
    public void start(String what, RunTaskFactory factory) {
        if (busy.get()) {
            Dialogs.error(
                    "A run is already active",
                    new IllegalStateException(
                            "Faultline runs one experiment or GameDay at a time from the app, and the last one is still"
                                    + " running or ending (reverting its faults, stopping the sandbox, which takes a few seconds):"
                                    + " wait for it, or halt it."));
            return;
        }
        java.util.Optional<String> refused = refusal.get();
        if (refused.isPresent()) {
            Dialogs.error("Nothing starts while the kill switch is engaged", new IllegalStateException(refused.get()));
            return;
        }
        busy.set(true);
        live.preparing(what, Instant.now());
        showLive.run();
        FxRunBridge bridge = new FxRunBridge(live::accept);
        Consumer<String> say = line -> Platform.runLater(() -> live.addSystemLine(line));
        Task<?> task = factory.create(bridge, say);
        task.setOnSucceeded(e -> {
            busy.set(false);
            runsChanged.run();
        });
        Background.WindowScope window = Background.WindowScope.now();
        task.setOnFailed(e -> {
            busy.set(false);
            live.failed("Could not run " + what + ": " + Dialogs.message(task.getException()));
            if (window.open("run " + what)) { // no dialog over a window that was closed meanwhile
                Dialogs.error("Could not run " + what, task.getException());
            }
            runsChanged.run();
        });
        current = task;
        Background.start("run", task);
    }

    /**
     * Waits (bounded) until the run task is over: its result recorded and the sandbox it started
     * stopped. Not for the FX thread.
     */
    public void awaitIdle(java.time.Duration timeout) {
        Task<?> t = current;
        if (t == null) {
            return;
        }
        try {
            t.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException
                | java.util.concurrent.CancellationException e) {
            org.slf4j.LoggerFactory.getLogger(RunCoordinator.class).warn("the run task did not end cleanly", e);
        }
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return starter.isRunning();
    }

    public void haltAndWait() {
        starter.haltAndWait();
    }
}
