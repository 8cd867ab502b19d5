package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.JournalEntry;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app. Before anything else it checks the fault journal: faults a crashed session left
 * behind are shown first, with reverting them as the default answer.
 */
public final class FaultlineApp extends Application {
    private static final Logger log = LoggerFactory.getLogger(FaultlineApp.class);
    private Composition composition;
    private AppWindow window;

    @Override
    public void init() {
        long t0 = System.nanoTime();
        composition = new Composition(FaultlineHome.fromEnvironment());
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
