package dev.faultline.app.view.editor;

import dev.faultline.app.view.common.Background;
import dev.faultline.app.view.common.Dialogs;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.StopCondition;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The experiment-wide forms: its header and timing, the hypothesis with its probes (each with a
 * Test button), and the stop conditions. Every field is a {@link FieldRow} on the runbook path the
 * loader names, so a form and the YAML are two views of one document.
 */
final class ExperimentForms {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private ExperimentForms() {}

    static VBox header(EditorViewModel model) {
        VBox box = panel("form-header");
        render(model, box, () -> {
            box.getChildren()
                    .addAll(
                            heading("Experiment"),
                            new FieldRow(model, "title", "metadata.title", "what the experiment shows, in a sentence"),
                            new FieldRow(model, "description", "metadata.description", "the scenario, for people"),
                            new FieldRow(
                                    model,
                                    "environment",
                                    "spec.environment",
                                    "sandbox, or an environment from your settings"),
                            new FieldRow(model, "tags", "metadata.labels", "e.g. {team: shop, case: payments}"),
                            heading("Timing"),
                            new FieldRow(model, "warm-up", "spec.timing.warmup", "wait before the baseline, e.g. 5s"),
                            new FieldRow(
                                    model,
                                    "probe interval",
                                    "spec.timing.probeInterval",
                                    "time between samples, e.g. 2s"),
                            new FieldRow(
                                    model,
                                    "baseline samples",
                                    "spec.timing.baselineSamples",
                                    "samples before injecting"),
                            new FieldRow(
                                    model,
                                    "recovery window",
                                    "spec.timing.recoveryWindow",
                                    "wait after the last rollback, e.g. 5s"),
                            new FieldRow(
                                    model,
                                    "verification samples",
                                    "spec.timing.verificationSamples",
                                    "samples of the final check"));
        });
        return box;
    }

    /** The hypothesis and its probes; {@code say} takes what an add or remove was refused for. */
    static VBox probes(EditorViewModel model, AuthoringActions actions, Consumer<String> say) {
        VBox box = panel("form-probes");
        render(model, box, () -> {
            Experiment e = model.experiment();
            box.getChildren()
                    .addAll(
                            heading("Hypothesis"),
                            new FieldRow(model, "hypothesis", "spec.hypothesis.title", "the steady state, in words"));
            for (int i = 0; i < e.hypothesis().probes().size(); i++) {
                box.getChildren()
                        .add(probe(
                                model, actions, say, i, e.hypothesis().probes().get(i)));
            }
            MenuButton add = new MenuButton("Add probe", new FontIcon(MaterialDesignP.PLUS));
            add.setId("add-probe");
            for (RunbookListEdits.ProbeKind k : RunbookListEdits.ProbeKind.values()) {
                MenuItem item = new MenuItem(k.label);
                item.setId("add-probe-" + k.key);
                item.setOnAction(ev -> model.editTree("add a " + k.key + " probe", RunbookListEdits.addProbe(k))
                        .ifPresent(m -> say.accept("could not add the probe: " + m)));
                add.getItems().add(item);
            }
            box.getChildren().add(add);
        });
        return box;
    }

    private static VBox probe(EditorViewModel model, AuthoringActions actions, Consumer<String> say, int i, Probe p) {
        String base = RunbookListEdits.PROBES + "[" + i + "]";
        Label name = new Label(p.name() + "  (" + p.type() + ")");
        name.getStyleClass().add("subsection");
        Button remove = new Button("", new FontIcon(MaterialDesignD.DELETE_OUTLINE));
        remove.setTooltip(new Tooltip("Remove probe " + p.name()));
        remove.setAccessibleText("Remove probe " + p.name());
        remove.setOnAction(
                ev -> model.editTree("remove probe " + p.name(), RunbookListEdits.remove(RunbookListEdits.PROBES, i))
                        .ifPresent(m -> say.accept("could not remove " + p.name() + ": " + m)));
        VBox v = new VBox(4, new HBox(8, name, remove));
        v.getStyleClass().add("probe-form");
        v.setId("probe-" + i);
        v.getChildren()
                .addAll(
                        new FieldRow(model, "name", base + ".name", ""),
                        new FieldRow(model, "tolerance (expect)", base + ".expect", "e.g. >= 95%, < 200ms, 150..250"));
        JsonNode source = YAML.readTree(model.field(base)).path(p.type());
        for (String leaf : RunbookListEdits.leaves(source)) {
            v.getChildren().add(new FieldRow(model, leaf, base + "." + p.type() + "." + leaf, hint(leaf)));
        }
        v.getChildren().add(tester(model, actions, p));
        return v;
    }

    /** The Test button, what the reading said, and the way out it offers (start the sandbox). */
    private static VBox tester(EditorViewModel model, AuthoringActions actions, Probe p) {
        Label result = new Label();
        result.getStyleClass().add("probe-test-result");
        result.setId("probe-result-" + p.name());
        result.setWrapText(true);
        Button start = new Button("Start sandbox", new FontIcon(MaterialDesignP.PLAY));
        start.setId("start-sandbox-" + p.name());
        start.setVisible(false);
        start.setManaged(false);
        Button test = new Button("Test", new FontIcon(MaterialDesignT.TEST_TUBE));
        test.setId("test-probe-" + p.name());
        test.setTooltip(new Tooltip("Reads " + p.name() + " once and says whether it is within its tolerance"));
        Runnable run = () -> {
            result.setText("reading " + p.name() + "…");
            start.setVisible(false);
            start.setManaged(false);
            String env = model.experiment().environment();
            Background.run(
                    "probe-test",
                    () -> actions.testProbe(p, env),
                    v -> {
                        result.setText(v.text());
                        result.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), !v.passed());
                        start.setVisible(v.startSandbox());
                        start.setManaged(v.startSandbox());
                    },
                    err -> result.setText("could not read " + p.name() + ": " + Dialogs.message(err)));
        };
        test.setOnAction(ev -> run.run());
        start.setOnAction(ev -> {
            start.setDisable(true);
            result.setText("starting the sandbox (about 10 s)…");
            Background.run(
                    "start-sandbox",
                    actions::startSandbox,
                    said -> {
                        start.setDisable(false);
                        result.setText(said);
                        run.run();
                    },
                    err -> {
                        start.setDisable(false);
                        result.setText("the sandbox did not start: " + Dialogs.message(err));
                    });
        });
        VBox v = new VBox(4, new HBox(8, test, start), result);
        v.setPadding(new Insets(0, 0, 6, 0));
        return v;
    }

    static VBox stopConditions(EditorViewModel model, Consumer<String> say) {
        VBox box = panel("form-stop-conditions");
        render(model, box, () -> {
            Experiment e = model.experiment();
            box.getChildren().add(heading("Stop conditions"));
            if (e.stopConditions().isEmpty()) {
                Label none = new Label("None: only the kill switch halts this run.");
                none.setWrapText(true);
                none.getStyleClass().add("muted");
                box.getChildren().add(none);
            }
            String probes =
                    String.join(", ", e.allProbes().stream().map(Probe::name).toList());
            for (int i = 0; i < e.stopConditions().size(); i++) {
                StopCondition c = e.stopConditions().get(i);
                String base = RunbookListEdits.STOPS + "[" + i + "]";
                int index = i;
                Label name = new Label(c.describe());
                name.getStyleClass().add("subsection");
                name.setWrapText(true);
                Button remove = new Button("", new FontIcon(MaterialDesignD.DELETE_OUTLINE));
                remove.setTooltip(new Tooltip("Remove stop condition " + c.name()));
                remove.setAccessibleText("Remove stop condition " + c.name());
                remove.setOnAction(ev -> model.editTree(
                                "remove stop condition " + c.name(),
                                RunbookListEdits.remove(RunbookListEdits.STOPS, index))
                        .ifPresent(m -> say.accept("could not remove " + c.name() + ": " + m)));
                box.getChildren()
                        .addAll(
                                new HBox(8, name, remove),
                                new FieldRow(model, "name", base + ".name", ""),
                                new FieldRow(model, "probe", base + ".probe", "one of: " + probes),
                                new FieldRow(model, "halt when", base + ".haltWhen", "e.g. < 50%"),
                                new FieldRow(model, "for (samples in a row)", base + ".for", "1 or more"));
            }
            Button add = new Button("Add stop condition", new FontIcon(MaterialDesignP.PLUS));
            add.setId("add-stop-condition");
            add.setDisable(e.allProbes().isEmpty());
            add.setOnAction(ev -> model.editTree(
                            "add a stop condition",
                            RunbookListEdits.addStopCondition(
                                    e.allProbes().get(0).name()))
                    .ifPresent(m -> say.accept("could not add a stop condition: " + m)));
            box.getChildren().add(add);
        });
        return box;
    }

    private static String hint(String leaf) {
        return switch (leaf) {
            case "url" -> "e.g. http://127.0.0.1:18080/metrics";
            case "timeout" -> "e.g. 2s";
            case "measure" -> "latency or status";
            case "query" -> "a PromQL expression giving one number";
            default -> "";
        };
    }

    private static void render(EditorViewModel model, VBox box, Runnable fill) {
        Runnable r = () -> {
            box.getChildren().clear();
            if (model.experiment() != null) {
                fill.run();
            }
        };
        model.revisionProperty().addListener((o, a, b) -> r.run());
        r.run();
    }

    private static VBox panel(String id) {
        VBox v = new VBox(6);
        v.setId(id);
        v.setPadding(new Insets(8));
        return v;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }
}
