package dev.faultline.app.view.editor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/**
 * The faults the installed backends offer, grouped by backend and kind. Drag an entry onto a lane
 * of the timeline; by keyboard, focus it and press Enter to add it at the end of the first lane.
 */
final class FaultPalette extends VBox {

    FaultPalette(List<FaultTemplate> templates, TimelineView timeline) {
        getStyleClass().add("palette");
        setSpacing(4);
        Label heading = new Label("Faults");
        heading.getStyleClass().add("section");
        getChildren().add(heading);
        Map<String, VBox> groups = new LinkedHashMap<>();
        for (FaultTemplate t : templates) {
            VBox g = groups.computeIfAbsent(t.group(), k -> new VBox(2));
            g.getChildren().add(item(t, timeline));
        }
        groups.forEach((name, items) -> {
            TitledPane p = new TitledPane(name, items);
            p.setAnimated(false);
            getChildren().add(p);
        });
    }

    private static Label item(FaultTemplate t, TimelineView timeline) {
        Label l = new Label(t.label());
        l.getStyleClass().add("palette-item");
        l.setId("palette-" + t.id());
        l.setMaxWidth(Double.MAX_VALUE);
        l.setFocusTraversable(true);
        l.setCursor(Cursor.OPEN_HAND);
        l.setAccessibleText("Fault " + t.label() + ": press Enter to add it to the timeline");
        l.setTooltip(new Tooltip(t.fault().describe() + " on " + t.target().label() + " for "
                + StepText.seconds(t.duration()) + "\nDrag onto a lane, or press Enter"));
        l.setOnMousePressed(e -> l.setCursor(Cursor.CLOSED_HAND));
        l.setOnMouseReleased(e -> {
            l.setCursor(Cursor.OPEN_HAND);
            timeline.dropAt(t, e.getSceneX(), e.getSceneY());
        });
        l.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                timeline.addAtEnd(t);
                e.consume();
            }
        });
        return l;
    }
}
