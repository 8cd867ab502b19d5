package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.JournalEntry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Application;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app. Before anything else it checks the fault journal: faults a crashed session left
 * behind are shown first, with reverting them as the default answer.
 */
public final class FaultlineApp extends Application {
    /** The composition being made beside JavaFX's start ({@link #prepare}), or null. */
    private static volatile @Nullable CompletableFuture<Composition> preparing;

    private Composition composition;
    private AppWindow window;

    /**
     * Starts making the composition (the journal, the plugins, the halt socket, the logger) on its own
     * thread while JavaFX starts its toolkit on another: on two cores both are under way at once.
     * Call before {@code Application.launch}; {@link #init} takes it.
     */
    public static void prepare(FaultlineHome home) {
        CompletableFuture<Composition> made = new CompletableFuture<>();
        Thread maker = new Thread(
                () -> {
                    try {
                        made.complete(new Composition(home));
                    } catch (RuntimeException | Error e) {
                        made.completeExceptionally(e);
                    }
                },
                "faultline-composition");
        maker.setDaemon(true);
        preparing = made;
        maker.start();
    }

    @Override
    public void init() {
        StartupTimer.mark("toolkit");
        CompletableFuture<Composition> made = preparing;
        preparing = null;
        if (made == null) {
            composition = new Composition(FaultlineHome.fromEnvironment());
        } else {
            try {
                composition = made.join();
            } catch (CompletionException e) {
                // as if made here: what went wrong, not the future's wrapper
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
        StartupTimer.mark("composition");
    }

    @Override
    public void start(Stage stage) {
        StartupTimer.mark("start");
        window = new AppWindow(composition, stage);
        StartupTimer.mark("home-built");
        window.show();
        StartupTimer.mark("shown");
        window.whenDrawn(StartupTimer::firstFrameDrawn);
        List<JournalEntry> orphans = composition.recovery.findOrphans();
        boolean revert = orphans.isEmpty() || askToRevert(orphans);
        window.recoverLeftovers(revert);
    }

    private static boolean askToRevert(List<JournalEntry> orphans) {
        ButtonType revert = new ButtonType("Revert them now", ButtonBar.ButtonData.OK_DONE);
        ButtonType later = new ButtonType("Not now", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(
                Alert.AlertType.WARNING,
                String.join("\n", FaultJournal.describe(orphans))
                        + "\n\nFaultline reverts them by default. Not now leaves them in place until the next start"
                        + " (or `faultline recover`).",
                revert,
                later);
        a.setHeaderText(orphans.size() + " fault(s) left behind by a crashed Faultline are still injected");
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(revert)).setDefaultButton(true);
        boolean yes = a.showAndWait().filter(b -> b == revert).isPresent();
        // (asked for here, not in a static field: this class is loaded before JavaFX starts, and the logging
        // is set up beside that, on the composition's thread)
        Logger log = LoggerFactory.getLogger(FaultlineApp.class);
        log.warn(
                "startup: {} orphaned fault(s); the user chose to {}",
                orphans.size(),
                yes ? "revert them" : "leave them");
        return yes;
    }

    @Override
    public void stop() {
        composition.close();
    }
}
