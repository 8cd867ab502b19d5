package dev.faultline.app.view.common;

import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/** "Save the changes to payment.yaml?" with Save, Discard and Cancel, asked before unsaved edits are dropped. */
public final class UnsavedChanges {
    /** What people chose. */
    public enum Choice {
        SAVE,
        DISCARD,
        CANCEL
    }

    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);

    private UnsavedChanges() {}

    /** Asks without blocking; {@code answer} gets the choice (closing the dialog is Cancel). */
    public static void ask(@Nullable Window owner, String name, String noun, Consumer<Choice> answer) {
        Alert a = new Alert(
                Alert.AlertType.CONFIRMATION,
                "Your edits to the " + noun + " " + name + " are not saved. Save them first, discard them, "
                        + "or cancel and keep editing.",
                SAVE,
                DISCARD,
                ButtonType.CANCEL);
        a.setHeaderText("Save the changes to " + name + "?");
        a.setTitle("Unsaved changes");
        if (owner != null) {
            a.initOwner(owner);
        }
        a.getDialogPane().setId("unsaved-changes");
        a.setOnHidden(e -> {
            ButtonType b = a.getResult();
            answer.accept(b == SAVE ? Choice.SAVE : b == DISCARD ? Choice.DISCARD : Choice.CANCEL);
        });
        a.show();
    }
}
