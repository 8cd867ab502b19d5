package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.JournalEntry;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
    private static final Logger log = LoggerFactory.getLogger(FaultlineApp.class);
    /** The composition being made while JavaFX starts ({@link #launch}); null when launched otherwise. */
    private static volatile @Nullable FutureTask<Composition> composing;

    private Composition composition;
    private AppWindow window;

    /**
     * Starts the desktop app: the composition (plugins, environments, the fault journal, the halt
     * socket) is made on a thread of its own while JavaFX starts its toolkit, instead of after it.
     */
    public static void launch(FaultlineHome home) {
        FutureTask<Composition> task = new FutureTask<>(() -> new Composition(home));
        Thread.ofPlatform().name("faultline-composition").daemon().start(task);
        composing = task;
        Application.launch(FaultlineApp.class);
    }

    @Override
    public void init() throws Exception {
        long t0 = System.nanoTime();
        FutureTask<Composition> task = composing;
        composition = task == null ? new Composition(FaultlineHome.fromEnvironment()) : composed(task);
        if (Boolean.getBoolean("faultline.measureStartup")) {
            System.out.println("faultline: composition " + (System.nanoTime() - t0) / 1_000_000 + " ms, JVM up "
                    + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
        }
    }

    @Override
    public void start(Stage stage) {
        long t0 = System.nanoTime();
        window = new AppWindow(composition, stage);
        long t1 = System.nanoTime();
        window.show();
        if (Boolean.getBoolean("faultline.measureStartup")) {
            System.out.println("faultline: screens built in " + (t1 - t0) / 1_000_000 + " ms, shown in "
                    + (System.nanoTime() - t1) / 1_000_000 + " ms");
        }
        StartupTimer.shown(stage.getScene());
        List<JournalEntry> orphans = composition.recovery.findOrphans();
        boolean revert = orphans.isEmpty() || askToRevert(orphans);
        AfterFirstFrame.run(() -> window.recoverLeftovers(revert));
    }

    /** What the composition's thread made, or what it threw, as {@link #init} would have thrown it. */
    private static Composition composed(FutureTask<Composition> task) throws Exception {
        try {
            return task.get();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case Exception cause -> throw cause;
                case Error cause -> throw cause;
                case null, default -> throw e;
            }
        }
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
