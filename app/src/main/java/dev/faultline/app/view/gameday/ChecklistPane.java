package dev.faultline.app.view.gameday;

import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One part of the day's checklist: items to tick off, one to add, Delete to remove. */
final class ChecklistPane extends VBox {
    ChecklistPane(String heading, String prompt, GameDayPlanModel plan, GameDayPlanModel.Part part) {
        ObservableList<ChecklistRow> rows = plan.checks(part);
        Label h = new Label(heading);
        h.getStyleClass().add("subsection");
        ListView<ChecklistRow> list = new ListView<>(rows);
        list.setPrefHeight(100);
        list.setAccessibleText(heading + ": Space ticks an item, Delete removes it");
        list.getStyleClass().add("day-checklist");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ChecklistRow r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                CheckBox box = new CheckBox();
                box.textProperty().bind(r.text);
                box.selectedProperty().bindBidirectional(r.done);
                box.setWrapText(true);
                // a long item wraps to the list's width instead of running off to the right (1024 px)
                box.setMinWidth(0);
                box.prefWidthProperty().bind(l.widthProperty().subtract(30));
                box.maxWidthProperty().bind(box.prefWidthProperty());
                box.prefWidthProperty().addListener((o, a, b) -> requestLayout());
                setGraphic(box);
            }

            /** As high as the wrapped item (a list asks for the height without a width). */
            @Override
            protected double computePrefHeight(double width) {
                if (getGraphic() instanceof CheckBox box && box.getPrefWidth() > 0) {
                    return Math.max(
                            super.computePrefHeight(width),
                            snappedTopInset() + snappedBottomInset() + box.prefHeight(box.getPrefWidth()));
                }
                return super.computePrefHeight(width);
            }
        });
        list.setOnKeyPressed(e -> {
            ChecklistRow r = list.getSelectionModel().getSelectedItem();
            if (r == null) {
                return;
            }
            switch (e.getCode()) {
                case SPACE -> plan.toggleCheck(r);
                case DELETE, BACK_SPACE -> plan.removeCheck(part, r);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        TextField add = new TextField();
        add.setPromptText(prompt);
        add.setAccessibleText("Add to " + heading);
        Button plus = new Button("Add");
        plus.setTooltip(new Tooltip("Add the item (Enter)"));
        Runnable addIt = () -> {
            if (plan.addCheck(part, add.getText())) {
                add.clear();
            }
        };
        add.setOnAction(e -> addIt.run());
        plus.setOnAction(e -> addIt.run());
        HBox.setHgrow(add, Priority.ALWAYS);
        setSpacing(4);
        getChildren().addAll(h, list, new HBox(6, add, plus));
    }
}
