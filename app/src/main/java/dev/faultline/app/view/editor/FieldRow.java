package dev.faultline.app.view.editor;

import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * One runbook field in a form: checked against the runbook loader as you type (the error shows
 * under the field), applied on Enter or when focus leaves.
 */
final class FieldRow extends VBox {
    private final TextField input = new TextField();
    private final Label error = new Label();
    private final EditorViewModel model;
    private final String path;
    private final String label;
    private final PauseTransition typing = new PauseTransition(Duration.millis(300));

    FieldRow(EditorViewModel model, String label, String path, String hint) {
        this.model = model;
        this.path = path;
        this.label = label;
        Label name = new Label(label);
        name.getStyleClass().add("field-label");
        name.setLabelFor(input);
        input.setText(model.field(path));
        input.setPromptText(hint);
        input.setAccessibleText(label);
        input.setTooltip(new Tooltip(hint.isEmpty() ? path : hint + "\n" + path));
        input.setId("field-" + path.replaceAll("[^A-Za-z0-9]+", "-"));
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setManaged(false);
        error.setVisible(false);
        typing.setOnFinished(e -> show(model.checkField(path, input.getText()).orElse("")));
        input.textProperty().addListener((o, a, b) -> typing.playFromStart());
        input.setOnAction(e -> commit());
        input.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit();
            }
        });
        setSpacing(2);
        getChildren().addAll(name, input, error);
    }

    private void commit() {
        typing.stop();
        if (input.getText().equals(model.field(path))) {
            show("");
            return;
        }
        show(model.setField(path, input.getText(), "set " + label).orElse(""));
    }

    private void show(String message) {
        error.setText(message);
        error.setVisible(!message.isEmpty());
        error.setManaged(!message.isEmpty());
        input.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), !message.isEmpty());
    }

    TextField input() {
        return input;
    }
}
