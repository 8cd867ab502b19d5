package dev.faultline.app.view.editor;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep.FaultStep;
import dev.faultline.engine.model.Rollout;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * A fault step's progressive rollout in the property sheet: its stages, hold and check as fields
 * checked by the runbook loader like the others, buttons to add or remove a stage, and to roll the
 * step out in stages or back to one share.
 */
final class RolloutRows extends VBox {
    private final EditorViewModel model;
    private final String step;
    private final Label error = new Label();

    RolloutRows(EditorViewModel model, int index, FaultStep fault) {
        this.model = model;
        this.step = fault.name();
        setSpacing(6);
        setId("rollout-rows");
        Label heading = new Label("Progressive rollout");
        heading.getStyleClass().add("subsection");
        getChildren().add(heading);
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setId("rollout-error");
        error.setVisible(false);
        error.managedProperty().bind(error.visibleProperty());
        Rollout r = fault.rollout();
        if (r == null) {
            Label what = new Label("One share for the whole step. Rolled out in stages, the fault widens stage by"
                    + " stage and only while the hypothesis holds.");
            what.setWrapText(true);
            what.getStyleClass().add("muted");
            getChildren()
                    .addAll(
                            what,
                            button(
                                    "Roll out in stages",
                                    "rollout-add",
                                    "Stages up to the step's share (1%, 5%, 25%, 100%), its length shared out as their holds",
                                    e -> RolloutEdits.rollOut(e, step)),
                            error);
            return;
        }
        String base = "spec.method[" + index + "].rollout";
        Label summary = new Label(RolloutEdits.stages(r) + " · " + r.describe().replaceFirst("^.*, ", ""));
        summary.setId("rollout-summary");
        summary.getStyleClass().add("muted");
        getChildren()
                .addAll(
                        summary,
                        r.countsTargets()
                                ? new FieldRow(
                                        model,
                                        "targets",
                                        RolloutEdits.stagesField(base, r),
                                        "counts of targets in increasing order, e.g. [1, 2, 5]")
                                : new FieldRow(
                                        model,
                                        "stages",
                                        RolloutEdits.stagesField(base, r),
                                        "shares in increasing order, e.g. [1%, 5%, 25%, 100%]"),
                        new FieldRow(model, "hold", base + ".hold", "how long each stage holds, e.g. 30s"),
                        new FieldRow(
                                model,
                                "check",
                                base + ".check",
                                "checked at each stage's end: blank for the hypothesis, or probes, e.g. [order-success-ratio]"));
        FlowPane buttons = new FlowPane(
                6,
                6,
                button(
                        "Add a stage",
                        "rollout-stage-add",
                        "One stage wider than the last",
                        e -> RolloutEdits.addStage(e, step)),
                button(
                        "Remove the last stage",
                        "rollout-stage-remove",
                        "The stage before becomes the widest",
                        e -> RolloutEdits.removeStage(e, step)),
                r.countsTargets()
                        ? button(
                                "Use shares",
                                "rollout-unit-shares",
                                "Stages as shares of traffic or of the matching targets (1%, 5%, 25%, 100%)",
                                e -> RolloutEdits.useShares(e, step))
                        : button(
                                "Count targets",
                                "rollout-unit-targets",
                                "Stages as counts of targets (1, 2, 4 …), each hit wholly",
                                e -> RolloutEdits.countTargets(e, step)),
                button(
                        "One share",
                        "rollout-remove",
                        "No stages: the widest stage's share for the whole length",
                        e -> RolloutEdits.noRollout(e, step)));
        getChildren().addAll(buttons, error);
    }

    private Button button(String text, String id, String tip, UnaryOperator<Experiment> edit) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip + " (Ctrl+Z undoes)"));
        b.setOnAction(ev -> show(model.apply(text.toLowerCase(java.util.Locale.ROOT) + " of " + step, edit)));
        return b;
    }

    private void show(Optional<String> refused) {
        error.setText(refused.orElse(""));
        error.setVisible(refused.isPresent());
    }
}
