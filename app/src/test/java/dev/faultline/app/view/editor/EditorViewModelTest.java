package dev.faultline.app.view.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.runbook.RunbookLoader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EditorViewModelTest {
    static final Path RUNBOOK = Path.of("..", "runbooks", "sandbox", "payment-latency-holds.yaml");
    private final RunbookLoader loader = new RunbookLoader();
    private EditorViewModel model;

    @BeforeEach
    void open() throws Exception {
        model = new EditorViewModel(loader);
        model.open(loader.load(RUNBOOK));
    }

    @Test
    void movingABlockChangesTheYamlAndUndoRedoWalkBackAndForth() {
        assertThat(model.apply("move", e -> ExperimentEdits.move(e, "slow-payments", Duration.ofSeconds(5), 1)))
                .isEmpty();

        MethodStep s = model.experiment().method().get(0);
        assertThat(s.lane()).isEqualTo(1);
        assertThat(s.explicitStart()).contains(Duration.ofSeconds(5));
        assertThat(model.yamlProperty().get()).contains("lane: 1").contains("at: 5s");

        assertThat(model.undo()).contains("move");
        assertThat(model.experiment().method().get(0).lane()).isZero();
        assertThat(model.redo()).contains("move");
        assertThat(model.experiment().method().get(0).lane()).isEqualTo(1);
    }

    @Test
    void invalidYamlShowsItsProblemAtItsLineAndKeepsTheVisualModel() {
        var before = model.experiment();
        String broken = model.yamlProperty().get().replace("duration: 20s", "duration: twenty");

        model.editYaml(broken);

        assertThat(model.experiment()).isEqualTo(before);
        assertThat(model.problems()).isNotEmpty();
        assertThat(model.problems().get(0).field()).isEqualTo("spec.method[0].duration");
        assertThat(model.problems().get(0).line()).isPositive();
        assertThat(model.yamlProperty().get()).isEqualTo(broken);
    }

    @Test
    void validYamlUpdatesTheTimelineAndKeepsTheUsersComments() {
        String text = model.yamlProperty().get().replace("duration: 20s", "duration: 25s");

        model.editYaml(text);

        assertThat(model.problems()).isEmpty();
        assertThat(model.experiment().method().get(0).plannedLength()).isEqualTo(Duration.ofSeconds(25));
        assertThat(model.yamlProperty().get()).contains("# Slow payments");
    }

    @Test
    void aFormFieldIsCheckedByTheLoaderAndItsErrorNamesTheField() {
        assertThat(model.checkField("spec.method[0].duration", "-3s")).isPresent();
        assertThat(model.setField("spec.method[0].fault.latency", "nonsense", "set latency"))
                .isPresent();
        assertThat(model.experiment().method().get(0))
                .isEqualTo(model.experiment().method().get(0));

        assertThat(model.setField("spec.method[0].duration", "30s", "set duration"))
                .isEmpty();
        assertThat(model.experiment().method().get(0).plannedLength()).isEqualTo(Duration.ofSeconds(30));
        assertThat(model.field("spec.method[0].target")).isEqualTo("{proxy: payments}");
        assertThat(model.setField("spec.blastRadius.targets", "[proxy/orders]", "set targets"))
                .hasValueSatisfying(m -> assertThat(m).contains("outside the blast radius")); // payments in use
        assertThat(((MethodStep.FaultStep) model.experiment().method().get(0))
                        .target()
                        .label())
                .isEqualTo("proxy/payments");
    }

    @Test
    void aTargetOutsideTheBlastRadiusWidensItInTheSameEditAndOneUndoTakesBothBack() {
        var before = model.experiment();

        assertThat(model.checkField("spec.method[0].target", "{proxy: orders}")).isEmpty();
        assertThat(model.setField("spec.method[0].target", "{proxy: orders}", "set target"))
                .isEmpty();

        assertThat(((MethodStep.FaultStep) model.experiment().method().get(0))
                        .target()
                        .label())
                .isEqualTo("proxy/orders");
        assertThat(model.experiment().blastRadius().targets()).containsExactly("proxy/payments", "proxy/orders");
        assertThat(model.problems()).isEmpty();
        assertThat(model.noteProperty().get()).contains("targets + proxy/orders");
        assertThat(model.yamlProperty().get()).contains("proxy/orders");

        assertThat(model.undo()).hasValueSatisfying(d -> assertThat(d).contains("widening the blast radius"));
        assertThat(model.experiment()).isEqualTo(before);
    }

    @Test
    void aChangeTheModelRefusesIsReportedAndNotApplied() {
        var before = model.experiment();
        assertThat(model.apply("resize", e -> ExperimentEdits.resize(e, "slow-payments", Duration.ZERO, null)))
                .hasValueSatisfying(m -> assertThat(m).contains("positive"));
        assertThat(model.experiment()).isEqualTo(before);
        assertThat(model.nextUndo()).isEmpty();
    }

    @Test
    void droppedTemplatesGetUniqueNamesAndDuplicatesFollowTheOriginal() {
        FaultTemplate latency = FaultTemplates.all().get(0);
        model.apply("add", e -> ExperimentEdits.add(e, latency.step("latency", 1, Duration.ZERO)));
        model.apply("dup", e -> ExperimentEdits.duplicate(e, "latency", Duration.ofSeconds(20)));

        assertThat(model.experiment().method())
                .extracting(MethodStep::name)
                .containsExactly("slow-payments", "latency", "latency-2");
        assertThat(model.problems()).isEmpty();

        FaultTemplate cpu = FaultTemplates.all().stream()
                .filter(t -> t.id().equals("cpu"))
                .findFirst()
                .orElseThrow();
        model.apply("add", e -> ExperimentEdits.add(e, cpu.step("cpu", 2, Duration.ZERO)));
        assertThat(model.experiment().method())
                .hasSize(4); // kept on the timeline, and the problem shown as a run would
        assertThat(model.problems()).isNotEmpty();
        assertThat(model.problems().get(0).message()).contains("outside the blast radius");

        assertThat(model.widenBlastRadius()).isEmpty();
        assertThat(model.problems()).isEmpty();
        assertThat(model.experiment().blastRadius().targets()).contains("host/local");
    }

    @Test
    void aDroppedFaultIsValidAtOnceAimedInsideTheBlastRadiusOrWideningItVisibly() {
        FaultTemplate down = template("down"); // proxy/payments: the blast radius lists it
        String name = model.drop(down, 1, Duration.ZERO);
        assertThat(model.problems()).isEmpty();
        assertThat(model.noteProperty().get()).isEqualTo("added " + name);

        FaultTemplate cpu = template("cpu"); // host/local: not listed, nothing of its kind listed
        var before = model.experiment();
        String cpuName = model.drop(cpu, 2, Duration.ZERO);

        assertThat(model.problems()).isEmpty();
        assertThat(model.experiment().method()).extracting(MethodStep::name).contains(cpuName);
        assertThat(model.experiment().blastRadius().targets()).contains("host/local");
        assertThat(model.noteProperty().get()).contains("blast radius widened").contains("host/local");
        assertThat(model.selectedProperty().get()).isEqualTo(cpuName);
        assertThat(model.undo()).hasValueSatisfying(d -> assertThat(d).contains("widening"));
        assertThat(model.experiment()).isEqualTo(before);
    }

    @Test
    void aDroppedFaultTakesATargetOfItsKindTheBlastRadiusListsAndAShareItAllows() {
        model.editYaml(model.yamlProperty()
                .get()
                .replace("target: {proxy: payments}", "target: {proxy: inventory}\n      share: 50%")
                .replace("[proxy/payments]", "[proxy/inventory]")
                .replace("maxShare: 100%", "maxShare: 50%"));
        assertThat(model.problems()).isEmpty();
        var br = model.experiment().blastRadius();

        String name = model.drop(template("latency"), 1, Duration.ZERO);

        MethodStep.FaultStep s = (MethodStep.FaultStep) ExperimentEdits.find(model.experiment(), name);
        assertThat(s.target().label()).isEqualTo("proxy/inventory");
        assertThat(s.share()).isEqualTo(br.maxShare());
        assertThat(model.experiment().blastRadius()).isEqualTo(br);
        assertThat(model.problems()).isEmpty();
    }

    private static FaultTemplate template(String id) {
        return FaultTemplates.all().stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aRolledOutStepKeepsItsRolloutWhenMovedResizedOrDuplicated() throws Exception {
        model.open(loader.load(Path.of("..", "runbooks", "sandbox", "payment-rollout-stops.yaml")));
        String step = model.experiment().method().get(0).name();

        assertThat(model.apply("move", e -> ExperimentEdits.move(e, step, Duration.ofSeconds(2), 1)))
                .isEmpty();
        assertThat(model.apply("resize", e -> ExperimentEdits.resize(e, step, Duration.ofSeconds(30), null)))
                .isEmpty();
        assertThat(model.apply("duplicate", e -> ExperimentEdits.duplicate(e, step, Duration.ofSeconds(40))))
                .isEmpty();

        for (MethodStep s : model.experiment().method()) {
            MethodStep.FaultStep f = (MethodStep.FaultStep) s;
            assertThat(f.stages()).as(f.name()).isPresent();
            assertThat(f.stages().orElseThrow().stages()).containsExactly(0.05, 0.25, 0.9);
            assertThat(f.stages().orElseThrow().hold()).isEqualTo(Duration.ofSeconds(10));
            assertThat(f.duration()).isEqualTo(Duration.ofSeconds(30));
        }
        assertThat(model.yamlProperty().get()).contains("rollout:", "- 90%").contains("hold: 10s");
    }
}
