package dev.faultline.app.view.gameday;

import javafx.application.Platform;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The planner's toolbar: the plan's file name, New, Open, Save, Save As and Run GameDay; Enter on
 * the planner runs the day (see {@link #enterRuns}).
 */
final class PlanToolbar extends ToolBar {
    /** What the toolbar's buttons do. */
    record Commands(Runnable startNew, Runnable open, Runnable save, Runnable saveAs, Runnable run) {}

    private final Button run = new Button("Run GameDay", new FontIcon(MaterialDesignP.PLAY));

    PlanToolbar(ObservableStringValue fileTitle, Commands c) {
        Label fileLabel = new Label();
        fileLabel.getStyleClass().add("title-4");
        fileLabel.setId("gameday-file");
        fileLabel.textProperty().bind(fileTitle);
        Button newDay = new Button("New", new FontIcon(MaterialDesignF.FILE_DOCUMENT_EDIT));
        newDay.setTooltip(new Tooltip("Start a new GameDay plan"));
        newDay.setOnAction(e -> c.startNew().run());
        Button open = new Button("", new FontIcon(MaterialDesignF.FOLDER_OPEN));
        open.setTooltip(new Tooltip("Open a GameDay runbook…"));
        open.setAccessibleText("Open a GameDay runbook");
        open.setOnAction(e -> c.open().run());
        Button save = new Button("Save", new FontIcon(MaterialDesignC.CONTENT_SAVE));
        save.setTooltip(new Tooltip("Save as a kind: GameDay runbook (Ctrl+S)"));
        save.setOnAction(e -> c.save().run());
        Button saveAs = new Button("", new FontIcon(MaterialDesignC.CONTENT_SAVE_EDIT));
        saveAs.setTooltip(new Tooltip("Save the plan as a new file (Ctrl+Shift+S)"));
        saveAs.setAccessibleText("Save the plan as a new file");
        saveAs.setOnAction(e -> c.saveAs().run());
        run.getStyleClass().add("accent");
        run.setId("run-gameday");
        run.setTooltip(
                new Tooltip("Save, then run every experiment in order, watched live; the kill switch stops the day"));
        run.setOnAction(e -> c.run().run());
        run.setMinWidth(Region.USE_PREF_SIZE);
        fileLabel.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getItems().addAll(fileLabel, newDay, open, save, saveAs, grow, run);
    }

    /**
     * Enter on {@code planner} runs the day. Not a default button: the scene has one Enter
     * accelerator, and Home's default button took it back and forth as the screens were switched.
     */
    void enterRunsOn(Node planner) {
        planner.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER
                    && !e.isShortcutDown()
                    && !e.isAltDown()
                    && !e.isShiftDown()
                    && planner.getScene() != null
                    && enterRuns(planner.getScene().getFocusOwner())) {
                e.consume();
                run.fire();
            }
        });
    }

    /**
     * Whether Enter on {@code focus} runs the day: on Run GameDay itself and in a plain text field.
     * A text area keeps Enter for new lines, a field with its own action (adding a checklist item,
     * a table cell being edited), a date or zone picker, a list and a table keep theirs, and another
     * button is left to its own key.
     */
    private boolean enterRuns(@Nullable Node focus) {
        if (focus == run) {
            return true;
        }
        if (!(focus instanceof TextField f) || f.getOnAction() != null) {
            return false;
        }
        for (Node n = f.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ComboBoxBase<?> || n instanceof javafx.scene.control.Cell<?>) {
                return false;
            }
        }
        return true;
    }

    /**
     * Puts the focus on Run GameDay, so Enter starts the day. A tool bar places its items in its
     * own layout: on a screen just shown, the button may not be in the scene until the next layout
     * pulse, and a focus asked for before that is lost. So it is asked for now and once more after
     * that pulse.
     */
    void focusRun() {
        run.requestFocus();
        Scene scene = getScene();
        if (scene == null || run.isFocused()) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            Platform.runLater(() -> scene.removePostLayoutPulseListener(once[0]));
            run.requestFocus();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }
}
