package dev.faultline.app.view.editor;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The blast radius panel; the other experiment-wide forms are {@link ExperimentForms}. */
final class SettingsPanels {
    private SettingsPanels() {}

    static VBox blastRadius(EditorViewModel model) {
        VBox box = panel();
        Runnable render = () -> {
            box.getChildren().clear();
            if (model.experiment() == null) {
                return;
            }
            box.getChildren()
                    .addAll(
                            heading("Blast radius"),
                            new FieldRow(
                                    model, "targets", "spec.blastRadius.targets", "e.g. [proxy/payments]; [] for any"),
                            new FieldRow(model, "largest share", "spec.blastRadius.maxShare", "e.g. 50%"),
                            new FieldRow(
                                    model, "longest any fault is active", "spec.blastRadius.maxDuration", "e.g. 5m"),
                            new FieldRow(model, "most targets at once", "spec.blastRadius.maxTargets", "e.g. 1"));
        };
        model.revisionProperty().addListener((o, a, b) -> render.run());
        render.run();
        return box;
    }

    private static VBox panel() {
        VBox v = new VBox(6);
        v.setPadding(new Insets(8));
        return v;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }
}
