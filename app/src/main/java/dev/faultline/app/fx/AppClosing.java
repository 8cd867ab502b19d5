package dev.faultline.app.fx;

import dev.faultline.app.view.common.Background;
import dev.faultline.app.view.live.RunCoordinator;
import dev.faultline.app.view.shell.MainShell;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import org.jspecify.annotations.Nullable;

/**
 * Closing the window while a run is active: asks, then halts the run and waits for it (faults
 * reverted, result recorded, sandbox stopped) off the FX thread, showing the closing state, and
 * closes when it is over. The window keeps answering meanwhile, the kill switch too.
 */
final class AppClosing {
    private final MainShell shell;
    private final RunCoordinator runs;
    private @Nullable ClosingBar closing;

    AppClosing(MainShell shell, RunCoordinator runs) {
        this.shell = shell;
        this.runs = runs;
    }

    /** True once closing has begun (the run is being halted). */
    boolean underWay() {
        return closing != null;
    }

    /** Closes now when no run is active; otherwise as the class says. */
    void afterTheRun(Runnable close) {
        if (closing != null) {
            return; // already closing: it closes when the run has ended
        }
        if (!runs.isRunning()) {
            close.run();
            return;
        }
        Alert a = new Alert(
                Alert.AlertType.CONFIRMATION,
                "A run is active. Closing halts it and reverts its faults first.",
                ButtonType.OK,
                ButtonType.CANCEL);
        a.setHeaderText("Halt the run and close?");
        if (a.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
            return;
        }
        ClosingBar bar = new ClosingBar();
        closing = bar;
        shell.setBottom(bar);
        bar.start("halting the run and reverting its faults…");
        Background.run(
                "close",
                () -> {
                    runs.haltAndWait();
                    Platform.runLater(() -> bar.show("the run has ended; recording it, stopping the sandbox…"));
                    runs.awaitIdle(Duration.ofSeconds(30)); // the sandbox it started is stopped too
                    return true;
                },
                done -> {
                    bar.stop();
                    close.run();
                },
                err -> {
                    bar.stop();
                    close.run();
                });
    }
}
