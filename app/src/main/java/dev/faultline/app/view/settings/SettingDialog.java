package dev.faultline.app.view.settings;

import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/** One backend setting of an environment, in a small form (Enter saves, Esc cancels). */
final class SettingDialog {
    private SettingDialog() {}

    /** Edits {@code row} in place; false when cancelled. */
    static boolean edit(SettingRow row, @Nullable Window owner) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Backend setting");
        d.setHeaderText("A setting of one backend, e.g. toxiproxy url http://127.0.0.1:8474;"
                + " credentials as env:VARIABLE or file:/path");
        if (owner != null) {
            d.initOwner(owner);
        }
        ComboBox<String> backend = new ComboBox<>(FXCollections.observableArrayList(
                "toxiproxy", "prometheus", "kubernetes", "local", "chaos-mesh", "litmus"));
        backend.setEditable(true);
        backend.setId("setting-backend");
        backend.setValue(row.backend());
        TextField key = new TextField(row.key());
        key.setId("setting-key");
        key.setPromptText("e.g. url, context, namespaces, token");
        TextField value = new TextField(row.value());
        value.setId("setting-value");
        value.setPromptText("e.g. http://127.0.0.1:8474, or env:TOKEN for a credential");
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, label("Backend", backend), backend);
        g.addRow(1, label("Setting", key), key);
        g.addRow(2, label("Value", value), value);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setOnShown(e -> (row.backend().isEmpty() ? backend : value).requestFocus());
        if (d.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
            return false;
        }
        String b = backend.getEditor().getText();
        row.set(b == null || b.isBlank() ? String.valueOf(backend.getValue()) : b, key.getText(), value.getText());
        return true;
    }

    private static Label label(String text, javafx.scene.Node field) {
        Label l = new Label(text);
        l.setLabelFor(field);
        return l;
    }
}
