package dev.faultline.app.view.editor;

import dev.faultline.engine.runbook.RunbookProblem;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.TextAreaSkin;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

/**
 * The runbook as YAML beside the timeline. Typing updates the timeline once the text is a valid
 * runbook; until then the problems are listed in full (click one to jump to its field or line), the
 * first problem's line is marked in the text, and the timeline keeps the last valid experiment.
 */
final class YamlPane extends VBox {
    private final TextArea text = new TextArea();
    private final ListView<RunbookProblem> problems;
    private final PauseTransition typing = new PauseTransition(Duration.millis(350));
    private final Region errorLine = new Region();
    private final EditorViewModel model;
    private Consumer<RunbookProblem> onProblem = p -> showLine(p.line());
    private boolean updating;

    YamlPane(EditorViewModel model) {
        this.model = model;
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
            javafx.application.Platform.runLater(this::markLine);
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
        problems.setPlaceholder(new Label("valid runbook: the timeline shows it"));
        problems.setCellFactory(l -> new ProblemCell());
        problems.setOnMouseClicked(e -> {
            RunbookProblem p = problems.getSelectionModel().getSelectedItem();
            if (p != null) {
                onProblem.accept(p);
            }
        });
        problems.setOnKeyPressed(e -> {
            RunbookProblem p = problems.getSelectionModel().getSelectedItem();
            if (p != null && e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                onProblem.accept(p);
                e.consume();
            }
        });
        errorLine.getStyleClass().add("yaml-error-line");
        errorLine.setId("yaml-error-line");
        errorLine.setMouseTransparent(true);
        errorLine.setManaged(false);
        errorLine.setVisible(false);
        errorLine.setStyle("-fx-background-color: rgba(220,38,38,0.22); -fx-border-color: transparent transparent"
                + " transparent rgb(220,38,38); -fx-border-width: 0 0 0 3;");
        StackPane editor = new StackPane(text, errorLine);
        StackPane.setAlignment(errorLine, Pos.TOP_LEFT);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(editor.widthProperty());
        clip.heightProperty().bind(editor.heightProperty());
        editor.setClip(clip);
        model.problems().addListener((ListChangeListener<RunbookProblem>) c -> {
            pseudoClassStateChanged(
                    javafx.css.PseudoClass.getPseudoClass("invalid"),
                    !model.problems().isEmpty());
            javafx.application.Platform.runLater(this::markLine);
        });
        text.scrollTopProperty().addListener((o, a, b) -> markLine());
        text.widthProperty().addListener((o, a, b) -> markLine());
        text.heightProperty().addListener((o, a, b) -> markLine());
        text.skinProperty().addListener((o, a, b) -> markLine());
        Label heading = new Label("YAML");
        heading.getStyleClass().add("section");
        // A valid runbook's problem list is one line high, so a short window keeps its height for the
        // YAML; with problems it takes the room to list them in full.
        editor.setMinHeight(72);
        fitProblems();
        model.problems().addListener((ListChangeListener<RunbookProblem>) c -> fitProblems());
        setSpacing(6);
        getChildren().addAll(heading, editor, problems);
        VBox.setVgrow(editor, javafx.scene.layout.Priority.ALWAYS);
    }

    private void fitProblems() {
        boolean valid = problems.getItems().isEmpty();
        problems.setMinHeight(valid ? 34 : 60);
        problems.setPrefHeight(valid ? 34 : 110);
        problems.setMaxHeight(valid ? 34 : 160);
    }

    /** Where a problem click goes; the default moves the caret to its line. */
    void onProblem(Consumer<RunbookProblem> action) {
        this.onProblem = action;
    }

    /** Hands typing not yet checked to the model now (before an undo, so it is part of the history). */
    void flush() {
        if (typing.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            typing.stop();
            model.editYaml(text.getText());
        }
    }

    /** The first problem's line marked in the text, while it is in view. */
    private void markLine() {
        if (model.problems().isEmpty() || !(text.getSkin() instanceof TextAreaSkin skin)) {
            errorLine.setVisible(false);
            return;
        }
        int start = lineStart(model.problems().get(0).line());
        if (start < 0) {
            errorLine.setVisible(false);
            return;
        }
        Rectangle2D b = skin.getCharacterBounds(Math.min(start, Math.max(0, text.getLength() - 1)));
        errorLine.resizeRelocate(0, b.getMinY(), text.getWidth(), Math.max(b.getHeight(), 12));
        errorLine.setVisible(b.getMinY() + b.getHeight() > 0 && b.getMinY() < text.getHeight());
    }

    /** The marked line's bounds in the pane, for tests; empty bounds when none is marked. */
    javafx.geometry.Bounds markedLine() {
        return errorLine.isVisible() ? errorLine.getBoundsInParent() : new javafx.geometry.BoundingBox(0, 0, 0, 0);
    }

    private int lineStart(int line) {
        String t = text.getText();
        int pos = 0;
        for (int i = 1; i < line; i++) {
            pos = t.indexOf('\n', pos) + 1;
            if (pos == 0) {
                return -1;
            }
        }
        return pos;
    }

    /** The caret on {@code line} with the line selected, scrolled into view. */
    void showLine(int line) {
        int pos = lineStart(line);
        if (pos >= 0) {
            int end = text.getText().indexOf('\n', pos);
            text.selectRange(end < 0 ? text.getLength() : end, pos); // caret at the line's start
            if (text.getSkin() instanceof TextAreaSkin skin) {
                Rectangle2D b = skin.getCharacterBounds(Math.min(pos, Math.max(0, text.getLength() - 1)));
                if (b.getMinY() < 0 || b.getMaxY() > text.getHeight() - 16) {
                    text.setScrollTop(Math.max(0, text.getScrollTop() + b.getMinY() - text.getHeight() / 3));
                }
            }
        }
        text.requestFocus();
        markLine();
    }

    TextArea textArea() {
        return text;
    }

    ListView<RunbookProblem> problemList() {
        return problems;
    }

    /** A problem in full, wrapped to the list's width. */
    private final class ProblemCell extends ListCell<RunbookProblem> {
        private final Label label = new Label();

        ProblemCell() {
            label.setWrapText(true);
            label.maxWidthProperty().bind(problems.widthProperty().subtract(24));
            label.prefWidthProperty().bind(problems.widthProperty().subtract(24));
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(RunbookProblem p, boolean empty) {
            super.updateItem(p, empty);
            getStyleClass().remove("problem");
            if (empty || p == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            label.setText("line " + p.line() + (p.field().isEmpty() ? "" : ", " + p.field()) + ": " + p.message());
            setText(null);
            setGraphic(label);
            getStyleClass().add("problem");
        }
    }
}
