package dev.faultline.app.view.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A fault step's stages on the timeline block and edited from the property sheet, through the YAML writer and back. */
class RolloutEditsTest {
    private final RunbookLoader loader = new RunbookLoader();

    private EditorViewModel open(String runbook) throws Exception {
        EditorViewModel model = new EditorViewModel(loader);
        model.open(loader.load(Path.of("..", "runbooks", "sandbox", runbook)));
        return model;
    }

    private static Rollout rollout(EditorViewModel model) {
        return ((MethodStep.FaultStep) model.experiment().method().getFirst())
                .stages()
                .orElseThrow();
    }

    /** The YAML as written, loaded again: what the editor shows is what the file says. */
    private void roundTrips(EditorViewModel model) throws Exception {
        assertThat(loader.parse(model.yamlProperty().get(), "again.yaml").experiment())
                .isEqualTo(model.experiment());
    }

    @Test
    void theBlockShowsTheStages() throws Exception {
        EditorViewModel model = open("payment-rollout-stops.yaml");
        assertThat(StepText.describe(model.experiment().method().getFirst()))
                .isEqualTo("5→25→90% · HTTP 503 on POST /pay → httpProxy/payments-http");
        assertThat(RolloutEdits.stages(new Rollout(
                        java.util.List.of(0.01, 0.05, 0.25, 1.0), Duration.ofSeconds(5), java.util.List.of())))
                .isEqualTo("1→5→25→100%");
    }

    @Test
    void stagesHoldAndCheckAreEditedAsFieldsAndWrittenBack() throws Exception {
        EditorViewModel model = open("payment-rollout-stops.yaml");
        String base = "spec.method[0].rollout";
        assertThat(model.field(base + ".stages")).isEqualTo("[5%, 25%, 90%]");

        assertThat(model.setField(base + ".stages", "[1%, 5%, 25%, 90%]", "set stages"))
                .isEmpty();
        assertThat(model.setField(base + ".hold", "6s", "set hold")).isEmpty();
        assertThat(model.setField(base + ".check", "[order-success-ratio]", "set check"))
                .isEmpty();

        Rollout r = rollout(model);
        assertThat(r.stages()).containsExactly(0.01, 0.05, 0.25, 0.9);
        assertThat(r.hold()).isEqualTo(Duration.ofSeconds(6));
        assertThat(r.check()).containsExactly("order-success-ratio");
        assertThat(model.experiment().method().getFirst().plannedLength()).isEqualTo(Duration.ofSeconds(24));
        assertThat(model.yamlProperty().get())
                .contains("rollout:", "- 1%", "- 90%", "hold: 6s", "- order-success-ratio")
                .doesNotContain("duration:");
        roundTrips(model);

        assertThat(model.undo()).contains("set check");
        assertThat(rollout(model).checksHypothesis()).isTrue();
    }

    @Test
    void aWrongStageIsRefusedWithTheLoadersWordsAndNothingChanges() throws Exception {
        EditorViewModel model = open("payment-rollout-stops.yaml");
        String stages = "spec.method[0].rollout.stages";
        var before = model.experiment();

        assertThat(model.checkField(stages, "[5%, 25%, 20%]"))
                .hasValueSatisfying(m -> assertThat(m).contains("stages must increase"));
        assertThat(model.setField(stages, "[5%, 25%, 20%]", "set stages"))
                .hasValueSatisfying(m -> assertThat(m).contains("20% is not wider than the stage before (25%)"));
        assertThat(model.setField("spec.method[0].rollout.hold", "0s", "set hold"))
                .isPresent();
        assertThat(model.setField("spec.method[0].rollout.check", "[no-such-probe]", "set check"))
                .isPresent();
        assertThat(model.experiment()).isEqualTo(before);
    }

    @Test
    void aStageIsAddedAndRemovedAndTheStepRolledOutOrBackToOneShare() throws Exception {
        EditorViewModel model = open("payment-rollout-stops.yaml");
        String step = model.experiment().method().getFirst().name();

        assertThat(model.apply("add a stage", e -> RolloutEdits.addStage(e, step)))
                .isEmpty();
        assertThat(rollout(model).stages()).containsExactly(0.05, 0.25, 0.9, 1.0);
        assertThat(model.apply("add a stage", e -> RolloutEdits.addStage(e, step)))
                .isEmpty();
        assertThat(rollout(model).stages()).containsExactly(0.05, 0.25, 0.9, 0.95, 1.0);
        // beyond the blast radius's 90%: kept, and the loader's problem shown, as for any other field
        assertThat(model.problems())
                .anySatisfy(p -> assertThat(p.message()).contains("above the blast radius maximum of 90%"));
        assertThat(model.apply("remove the last stage", e -> RolloutEdits.removeStage(e, step)))
                .isEmpty();
        assertThat(rollout(model).stages()).containsExactly(0.05, 0.25, 0.9, 0.95);
        assertThat(model.apply("remove the last stage", e -> RolloutEdits.removeStage(e, step)))
                .isEmpty();
        assertThat(rollout(model).stages()).containsExactly(0.05, 0.25, 0.9);
        assertThat(model.problems()).isEmpty();
        roundTrips(model);

        assertThat(model.apply("one share", e -> RolloutEdits.noRollout(e, step)))
                .isEmpty();
        MethodStep.FaultStep flat =
                (MethodStep.FaultStep) model.experiment().method().getFirst();
        assertThat(flat.stages()).isEmpty();
        assertThat(flat.share()).isEqualTo(0.9);
        assertThat(flat.duration()).isEqualTo(Duration.ofSeconds(12));
        assertThat(model.yamlProperty().get()).doesNotContain("rollout:").contains("share: 90%", "duration: 12s");
        roundTrips(model);
    }

    @Test
    void aStepWithOneShareIsRolledOutInStagesUpToIt() throws Exception {
        EditorViewModel model = open("payment-latency-holds.yaml");
        MethodStep.FaultStep f =
                (MethodStep.FaultStep) model.experiment().method().getFirst();

        assertThat(model.apply("roll out in stages", e -> RolloutEdits.rollOut(e, f.name())))
                .isEmpty();

        Rollout r = rollout(model);
        assertThat(r.stages()).last().isEqualTo(f.share());
        assertThat(r.stages()).startsWith(0.01);
        assertThat(r.length()).isLessThanOrEqualTo(f.duration());
        assertThat(model.yamlProperty().get()).contains("rollout:", "stages:");
        roundTrips(model);
        assertThat(model.undo()).contains("roll out in stages");
        assertThat(((MethodStep.FaultStep) model.experiment().method().getFirst()).stages())
                .isEmpty();
    }

    @Test
    void stagesCountingTargetsAreEditedAsCountsAndShownOnTheBlock() throws Exception {
        EditorViewModel model = open("payment-rollout-stops.yaml");
        String step = model.experiment().method().getFirst().name();
        String base = "spec.method[0].rollout";
        assertThat(RolloutEdits.stagesField(base, rollout(model))).isEqualTo(base + ".stages");

        assertThat(model.apply("count targets", e -> RolloutEdits.countTargets(e, step)))
                .isEmpty();
        Rollout counts = rollout(model);
        assertThat(counts.countsTargets()).isTrue();
        assertThat(counts.stages()).containsExactly(1.0);
        assertThat(counts.hold()).isEqualTo(Duration.ofSeconds(4));
        String field = RolloutEdits.stagesField(base, counts);
        assertThat(field).isEqualTo(base + ".targets");
        assertThat(model.field(field)).isEqualTo("[1]");

        // a count of targets is no share: the blast radius' maxShare (90%) is not widened for it
        assertThat(model.experiment().blastRadius().maxShare()).isEqualTo(0.9);
        assertThat(BlastRadiusFit.widen(model.experiment()).widened()).isFalse();
        // typed counts are counts: above the blast radius' maxTargets (1) they widen it in the same edit
        assertThat(model.checkField(field, "[1, 2, 3]")).isEmpty();
        assertThat(model.setField(field, "[1, 2, 3]", "set targets")).isEmpty();
        assertThat(model.experiment().blastRadius().maxTargets()).isEqualTo(3);
        assertThat(model.experiment().blastRadius().maxShare()).isEqualTo(0.9);
        assertThat(model.problems()).isEmpty();
        assertThat(model.noteProperty().get())
                .isEqualTo("blast radius widened: most targets 3 (Ctrl+Z undoes the edit" + " and the widening)");
        assertThat(model.yamlProperty().get()).containsPattern("maxTargets: 3");
        Rollout typed = rollout(model);
        assertThat(typed.countsTargets()).isTrue();
        assertThat(typed.stages()).containsExactly(1.0, 2.0, 3.0);
        assertThat(model.yamlProperty().get())
                .containsPattern("rollout:\\s+targets:\\s+- 1\\s+- 2\\s+- 3")
                .doesNotContain("stages:");
        assertThat(StepText.describe(model.experiment().method().getFirst())).startsWith("1→2→3 targets · ");
        assertThat(model.setField(field, "[1, 2.5]", "set targets"))
                .hasValueSatisfying(m -> assertThat(m).contains("whole number").contains("2.5"));
        roundTrips(model);
        assertThat(model.undo())
                .hasValueSatisfying(d -> assertThat(d).isEqualTo("set targets, widening the blast radius"));
        assertThat(rollout(model).stages()).containsExactly(1.0);
        assertThat(model.experiment().blastRadius().maxTargets()).isEqualTo(1);
        assertThat(model.redo()).isPresent();

        assertThat(model.apply("use shares", e -> RolloutEdits.useShares(e, step)))
                .isEmpty();
        assertThat(rollout(model).countsTargets()).isFalse();
        assertThat(rollout(model).stages()).containsExactly(0.01, 0.05, 0.25, 0.9);
    }

    @Test
    void countsAboveMaxTargetsAreALocatedProblemAndTheWidenOfferRepairsThem() throws Exception {
        EditorViewModel model = open("payment-rollout-stops.yaml");
        String step = model.experiment().method().getFirst().name();
        // typed in the YAML tab: the loader's problem at the stage, on its line; the timeline keeps its model
        model.editYaml(model.yamlProperty().get().replaceFirst("stages: \\[5%, 25%, 90%\\]", "targets: [1, 2, 5]"));
        assertThat(model.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("spec.method[0].rollout.targets[1]");
            assertThat(p.line()).isEqualTo(41);
            assertThat(p.message()).startsWith("stage 2 of the rollout (2 targets) is above the blast radius maximum");
        });

        // "Add a stage" past maxTargets (1): kept, shown as a problem, and the sheet offers the widening
        model.open(loader.load(Path.of("..", "runbooks", "sandbox", "payment-rollout-stops.yaml")));
        assertThat(model.apply("count targets", e -> RolloutEdits.countTargets(e, step)))
                .isEmpty();
        assertThat(model.apply("add a stage", e -> RolloutEdits.addStage(e, step)))
                .isEmpty();
        assertThat(rollout(model).stages()).containsExactly(1.0, 2.0);
        assertThat(model.problems()).extracting(p -> p.field()).containsExactly("spec.method[0].rollout.targets[1]");
        assertThat(BlastRadiusFit.widen(model.experiment()).changes()).containsExactly("most targets 2");

        assertThat(model.widenBlastRadius()).isEmpty();
        assertThat(model.problems()).isEmpty();
        assertThat(model.experiment().blastRadius().maxTargets()).isEqualTo(2);
        assertThat(model.experiment().blastRadius().maxShare()).isEqualTo(0.9);
        assertThat(model.noteProperty().get()).startsWith("blast radius widened: most targets 2");
        roundTrips(model);
    }
}
