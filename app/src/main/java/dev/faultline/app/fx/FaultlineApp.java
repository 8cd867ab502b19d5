package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.app.StartupRecovery;
import dev.faultline.engine.env.FaultlineHome;
import java.util.List;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/** The desktop app. Its first act is to revert what a crashed Faultline left behind, and say so. */
public final class FaultlineApp extends Application {
    private Composition composition;
    private MainWindow window;

    @Override
    public void init() {
        composition = new Composition(FaultlineHome.fromEnvironment());
    }

    @Override
    public void start(Stage stage) {
        window = new MainWindow(composition);
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(FaultlineApp.class.getResource("faultline.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), window::pressKillSwitch);
        stage.setTitle("Faultline");
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!window.confirmClose()) {
                e.consume();
            }
        });
        stage.show();
        window.focusRunbooks();
        recoverLeftovers();
    }

    private void recoverLeftovers() {
        Task<List<String>> recovery = new Task<>() {
            @Override
            protected List<String> call() {
                return StartupRecovery.run(composition);
            }
        };
        recovery.setOnSucceeded(e -> {
            List<String> lines = recovery.getValue();
            if (!lines.isEmpty()) {
                Alert a = new Alert(Alert.AlertType.WARNING, String.join("\n", lines));
                a.setHeaderText("Faultline found faults left behind by a crashed session and reverted them");
                a.show();
            }
            window.refreshRuns();
        });
        recovery.setOnFailed(e -> window.showError("Recovering faults left behind failed", recovery.getException()));
        Thread t = new Thread(recovery, "faultline-startup-recovery");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void stop() {
        composition.close();
    }
}
