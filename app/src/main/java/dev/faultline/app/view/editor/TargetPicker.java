package dev.faultline.app.view.editor;

import dev.faultline.engine.spi.DiscoveredTarget;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * Under a fault step's target field: the targets its backend finds in the environment, listed when
 * the list opens, each with what it is and, for a set, how many it matches now. The field above
 * stays free to type in.
 */
final class TargetPicker extends VBox {

    TargetPicker(TargetChoices choices, int index) {
        ComboBox<DiscoveredTarget> combo = new ComboBox<>(choices.candidates());
        combo.setId("target-picker");
        combo.setPromptText("Pick a target the environment has …");
        combo.setAccessibleText("discovered targets");
        combo.setTooltip(new Tooltip("Lists what the step's backend finds now; a target outside the blast radius"
                + " widens it (Ctrl+Z undoes)"));
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setCellFactory(l -> new Cell());
        combo.setButtonCell(new Cell());
        Label status = new Label();
        status.setId("target-picker-status");
        status.setWrapText(true);
        status.getStyleClass().add("muted");
        status.textProperty().bind(choices.statusProperty());
        combo.setOnShowing(e -> choices.refresh(index));
        combo.setOnAction(e -> {
            DiscoveredTarget chosen = combo.getValue();
            if (chosen != null) {
                choices.choose(index, chosen).ifPresent(refused -> {
                    status.textProperty().unbind();
                    status.setText(refused);
                });
            }
        });
        setSpacing(2);
        getChildren().addAll(combo, status);
    }

    private static final class Cell extends ListCell<DiscoveredTarget> {
        @Override
        protected void updateItem(DiscoveredTarget item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.summary());
        }
    }
}
