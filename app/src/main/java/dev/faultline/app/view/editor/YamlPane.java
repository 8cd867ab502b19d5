package dev.faultline.app.view.editor;

import dev.faultline.engine.runbook.RunbookProblem;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The runbook as YAML beside the timeline. Typing updates the timeline once the text is a valid
 * runbook; until then the problems are listed with their lines (select one to jump there) and the
 * timeline keeps the last valid experiment.
 */
final class YamlPane extends VBox {
    private final TextArea text = new TextArea();
    private final ListView<RunbookProblem> problems;
    private final PauseTransition typing = new PauseTransition(Duration.millis(350));
    private boolean updating;

    YamlPane(EditorViewModel model) {
        getStyleClass().add("yaml-pane");
        text.getStyleClass().add("yaml-text");
        text.setId("yaml");
        text.setAccessibleText("The experiment as runbook YAML");
        text.setText(model.yamlProperty().get());
        typing.setOnFinished(e -> model.editYaml(text.getText()));
        text.textProperty().addListener((o, a, b) -> {
            if (!updating) {
                typing.playFromStart();
            }
        });
        model.yamlProperty().addListener((o, a, b) -> {
            if (!b.equals(text.getText())) {
                updating = true;
                int caret = Math.min(text.getCaretPosition(), b.length());
                text.setText(b);
                text.positionCaret(caret);
                updating = false;
            }
        });
        problems = new ListView<>(model.problems());
        problems.setId("yaml-problems");
        problems.setAccessibleText("Problems in the runbook");
        problems.setPrefHeight(90);
        problems.setPlaceholder(new Label("valid runbook: the timeline shows it"));
        problems.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RunbookProblem p, boolean empty) {
                super.updateItem(p, empty);
                setText(
                        empty || p == null
                                ? null
                                : "line " + p.line() + (p.field().isEmpty() ? "" : ", " + p.field()) + ": "
                                        + p.message());
                getStyleClass().remove("problem");
                if (!empty) {
                    getStyleClass().add("problem");
                }
            }
        });
        problems.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                jumpTo(p.line());
            }
        });
        model.problems().addListener((ListChangeListener<RunbookProblem>) c -> pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("invalid"),
                !model.problems().isEmpty()));
        Label heading = new Label("YAML");
        heading.getStyleClass().add("section");
        setSpacing(6);
        getChildren().addAll(heading, text, problems);
        VBox.setVgrow(text, Priority.ALWAYS);
    }

    private void jumpTo(int line) {
        String t = text.getText();
        int pos = 0;
        for (int i = 1; i < line && pos >= 0; i++) {
            pos = t.indexOf('\n', pos) + 1;
            if (pos == 0) {
                return;
            }
        }
        text.positionCaret(pos);
        text.requestFocus();
    }

    TextArea textArea() {
        return text;
    }
}
