package dev.faultline.app.view.editor;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.StopCondition;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The hypothesis, stop condition and blast radius panels: the experiment-wide settings. */
final class SettingsPanels {
    private SettingsPanels() {}

    /** @param testProbe reads a probe once and answers with a line for people (runs off the FX thread) */
    static VBox hypothesis(EditorViewModel model, Function<Probe, String> testProbe) {
        VBox box = panel();
        Runnable render = () -> {
            box.getChildren().clear();
            Experiment e = model.experiment();
            if (e == null) {
                return;
            }
            box.getChildren().add(heading("Hypothesis: " + e.hypothesis().title()));
            for (int i = 0; i < e.hypothesis().probes().size(); i++) {
                Probe p = e.hypothesis().probes().get(i);
                String base = "spec.hypothesis.probes[" + i + "]";
                Label name = new Label(p.name() + "  (" + p.type() + ")");
                name.getStyleClass().add("subsection");
                Label result = new Label();
                result.getStyleClass().add("probe-test-result");
                result.setWrapText(true);
                Button test = new Button("Test probe now", new FontIcon(MaterialDesignT.TEST_TUBE));
                test.setTooltip(new Tooltip("Reads " + p.name() + " once and shows the value"));
                test.setOnAction(ev -> {
                    result.setText("reading…");
                    dev.faultline.app.view.common.Background.run(
                            "probe-test",
                            () -> testProbe.apply(p),
                            result::setText,
                            err -> result.setText(
                                    "could not read: " + dev.faultline.app.view.common.Dialogs.message(err)));
                });
                box.getChildren()
                        .addAll(
                                name,
                                new FieldRow(model, "expect", base + ".expect", "e.g. >= 95%, < 200ms, 150..250"),
                                new HBox(8, test),
                                result);
            }
        };
        model.revisionProperty().addListener((o, a, b) -> render.run());
        render.run();
        return box;
    }

    static VBox stopConditions(EditorViewModel model) {
        VBox box = panel();
        Runnable render = () -> {
            box.getChildren().clear();
            Experiment e = model.experiment();
            if (e == null) {
                return;
            }
            box.getChildren().add(heading("Stop conditions"));
            if (e.stopConditions().isEmpty()) {
                Label none = new Label("None: only the kill switch halts this run. Add one in the YAML tab.");
                none.setWrapText(true);
                none.getStyleClass().add("muted");
                box.getChildren().add(none);
            }
            for (int i = 0; i < e.stopConditions().size(); i++) {
                StopCondition c = e.stopConditions().get(i);
                String base = "spec.stopConditions[" + i + "]";
                Label name = new Label(c.name() + "  on " + c.probe().name());
                name.getStyleClass().add("subsection");
                box.getChildren()
                        .addAll(
                                name,
                                new FieldRow(model, "halt when", base + ".haltWhen", "e.g. < 50%"),
                                new FieldRow(model, "for (samples in a row)", base + ".for", "1 or more"));
            }
        };
        model.revisionProperty().addListener((o, a, b) -> render.run());
        render.run();
        return box;
    }

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
