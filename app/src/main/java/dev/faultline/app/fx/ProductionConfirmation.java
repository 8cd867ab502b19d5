package dev.faultline.app.fx;

import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * Asks before a run in a production environment, as the command line does. Called from a run's
 * own thread, never the FX thread: it waits for the person's answer; "Cancel" is the default.
 */
final class ProductionConfirmation {
    private ProductionConfirmation() {}

    static boolean ask(String environment, String experiment) throws InterruptedException {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("the production confirmation waits for a person: not on the FX thread");
        }
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            ButtonType run = new ButtonType("Run in production", ButtonBar.ButtonData.OK_DONE);
            Alert a = new Alert(
                    Alert.AlertType.WARNING,
                    "'" + environment + "' is a PRODUCTION environment. Faults will"
                            + " hit real users within the experiment's blast radius.",
                    run,
                    ButtonType.CANCEL);
            a.setHeaderText("Run " + experiment + " in production?");
            ((javafx.scene.control.Button) a.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
            ((javafx.scene.control.Button) a.getDialogPane().lookupButton(run)).setDefaultButton(false);
            answer.complete(a.showAndWait().filter(b -> b == run).isPresent());
        });
        try {
            return answer.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        }
    }
}
