package dev.faultline.app.view.shell;

import dev.faultline.app.BuildInfo;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/** Help > About Faultline: the version and commit {@code faultline --version} prints, and what it runs on. */
final class AboutDialog {
    private AboutDialog() {}

    /** The dialog's text: the version line first, then the Java and JavaFX it runs on. */
    static String text(BuildInfo build) {
        return build.line() + "\nJava " + System.getProperty("java.version", "?") + ", JavaFX "
                + System.getProperty("javafx.runtime.version", "?")
                + "\n\nChaos-engineering GameDays: run experiments, halt them, recover what a crash left behind.";
    }

    static void show() {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text(BuildInfo.current()), ButtonType.OK);
        a.setTitle("About Faultline");
        a.setHeaderText("Faultline");
        a.showAndWait();
    }
}
