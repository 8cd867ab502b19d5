package dev.faultline.app.view.editor;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import java.util.List;
import java.util.stream.IntStream;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The selected block's settings: timing, target, share or rollout stages and the fault's own
 * parameters, each a {@link FieldRow} checked by the runbook loader as you type.
 */
final class PropertySheet extends VBox {
    private static final List<String> STEP_FIELDS =
            List.of("name", "lane", "at", "duration", "wait", "share", "backend", "target");
    private final EditorViewModel model;
    private final TargetChoices targets;
    private final YAMLMapper yaml = YAMLMapper.builder().build();

    PropertySheet(EditorViewModel model, TargetChoices targets) {
        this.model = model;
        this.targets = targets;
        getStyleClass().add("property-sheet");
        setSpacing(8);
        setPadding(new Insets(8));
        model.revisionProperty().addListener((o, a, b) -> render());
        model.selectedProperty().addListener((o, a, b) -> render());
        render();
    }

    private void render() {
        getChildren().clear();
        Experiment e = model.experiment();
        if (e == null) {
            return;
        }
        String sel = model.selectedProperty().get();
        int index = IntStream.range(0, e.method().size())
                .filter(i -> e.method().get(i).name().equals(sel))
                .findFirst()
                .orElse(-1);
        Label heading = new Label(index < 0 ? "No block selected" : "Step " + sel);
        heading.getStyleClass().add("section");
        getChildren().add(heading);
        if (index < 0) {
            Label hint = new Label("Select a block on the timeline, or drag a fault from the palette onto a lane.");
            hint.setWrapText(true);
            hint.getStyleClass().add("muted");
            getChildren().add(hint);
            return;
        }
        MethodStep step = e.method().get(index);
        String base = "spec.method[" + index + "]";
        JsonNode node = yaml.readTree(model.field(base));
        for (String f : STEP_FIELDS) {
            boolean applies = switch (f) {
                // a rolled-out step takes its length and share from its stages
                case "duration", "share" -> step instanceof MethodStep.FaultStep fs && fs.rollout() == null;
                case "backend", "target" -> step instanceof MethodStep.FaultStep;
                case "wait" -> step instanceof MethodStep.WaitStep;
                default -> true;
            };
            if (applies) {
                getChildren().add(new FieldRow(model, f, base + "." + f, hint(f)));
            }
            if (f.equals("target") && step instanceof MethodStep.FaultStep fs) {
                getChildren().add(new TargetPicker(targets, index));
                getChildren().add(blastRadius(e, fs));
                getChildren().add(new RolloutRows(model, index, fs));
            }
        }
        if (step instanceof MethodStep.FaultStep fault) {
            Label fh = new Label("Fault: " + fault.fault().type());
            fh.getStyleClass().add("subsection");
            getChildren().add(fh);
            JsonNode fn = node.path("fault");
            for (String key : fn.propertyNames()) {
                if (!key.equals("type")) {
                    getChildren().add(new FieldRow(model, key, base + ".fault." + key, ""));
                }
            }
        }
    }

    /** The blast radius beside the target, with an offer to widen it when the step falls outside. */
    private VBox blastRadius(Experiment e, MethodStep.FaultStep step) {
        BlastRadiusFit.Widening needed = BlastRadiusFit.widen(e);
        boolean outside = needed.widened();
        Label radius = new Label("Blast radius: " + BlastRadiusFit.describe(e.blastRadius())
                + (e.blastRadius().allows(step.target())
                        ? ""
                        : "\n" + step.target().label() + " is outside it")
                + (outside ? "\nThe steps need: " + String.join(", ", needed.changes()) : ""));
        radius.setWrapText(true);
        radius.setId("step-blast-radius");
        radius.getStyleClass().add(outside ? "field-error" : "muted");
        VBox box = new VBox(4, radius);
        if (outside) {
            Button widen = new Button("Widen the blast radius");
            widen.setId("widen-blast-radius");
            widen.setTooltip(new Tooltip("Lets the blast radius cover every fault step as it stands (Ctrl+Z undoes)"));
            widen.setOnAction(ev -> model.widenBlastRadius());
            box.getChildren().add(widen);
        }
        return box;
    }

    private static String hint(String field) {
        return switch (field) {
            case "at" -> "start offset, e.g. 10s (blank: after the lane's previous step)";
            case "duration", "wait" -> "how long, e.g. 30s or 2m";
            case "share" -> "share of connections or requests, e.g. 50%";
            case "lane" -> "0, 1, 2 …: lanes run in parallel";
            case "target" -> "e.g. {proxy: payments}";
            case "backend" -> "local, toxiproxy, chaos-mesh …";
            default -> "";
        };
    }
}
