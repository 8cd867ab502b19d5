package dev.faultline.app.view.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.runbook.RunbookLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The forms' edits on the document, windowless: header, timing, probes and stop conditions. */
class ExperimentFormsModelTest {
    private final RunbookLoader loader = new RunbookLoader();
    private EditorViewModel model;

    @BeforeEach
    void open() throws Exception {
        model = new EditorViewModel(loader);
        model.open(loader.load(EditorViewModelTest.RUNBOOK));
    }

    @Test
    void headerAndTimingFieldsChangeTheYamlAndTheYamlChangesThem() {
        assertThat(model.setField("metadata.title", "Payments hold under latency", "set title"))
                .isEmpty();
        assertThat(model.setField("spec.timing.warmup", "7s", "set warm-up")).isEmpty();
        assertThat(model.setField("metadata.labels", "{team: payments, case: latency}", "set tags"))
                .isEmpty();

        assertThat(model.yamlProperty().get())
                .contains("title: Payments hold under latency")
                .contains("warmup: 7s")
                .contains("team: payments");
        assertThat(model.experiment().labels()).containsEntry("case", "latency");

        model.editYaml(model.yamlProperty().get().replace("warmup: 7s", "warmup: 9s"));
        assertThat(model.field("spec.timing.warmup")).isEqualTo("9s");
        assertThat(model.setField("spec.timing.probeInterval", "1ms", "set interval"))
                .hasValueSatisfying(m -> assertThat(m).contains("10ms"));
    }

    @Test
    void aProbeOfEachKindIsAddedValidThenFilledInAndRemoved() {
        int before = model.experiment().hypothesis().probes().size();
        for (RunbookListEdits.ProbeKind k : RunbookListEdits.ProbeKind.values()) {
            assertThat(model.editTree("add " + k, RunbookListEdits.addProbe(k))).isEmpty();
        }
        var probes = model.experiment().hypothesis().probes();
        assertThat(probes).hasSize(before + 3);
        assertThat(probes.subList(before, before + 3))
                .extracting(p -> p.type())
                .containsExactly("http", "metrics", "prometheus");

        String url = RunbookListEdits.PROBES + "[" + before + "].http.url";
        assertThat(model.field(url)).isEqualTo("http://127.0.0.1:18081/health");
        assertThat(model.setField(url, "http://127.0.0.1:18082/health", "set url"))
                .isEmpty();
        assertThat(model.yamlProperty().get()).contains("url: http://127.0.0.1:18082/health");
        assertThat(model.setField(RunbookListEdits.PROBES + "[" + before + "].expect", "fast", "set expect"))
                .isPresent();

        assertThat(model.editTree("remove", RunbookListEdits.remove(RunbookListEdits.PROBES, before)))
                .isEmpty();
        assertThat(model.experiment().hypothesis().probes()).hasSize(before + 2);
        assertThat(model.undo()).contains("remove");
        assertThat(model.experiment().hypothesis().probes()).hasSize(before + 3);
    }

    @Test
    void stopConditionsAreAddedOnAProbeAndAProbeInUseCannotBeRemoved() {
        int stops = model.experiment().stopConditions().size();
        String first = model.experiment().allProbes().get(0).name();

        assertThat(model.editTree("add", RunbookListEdits.addStopCondition(first)))
                .isEmpty();
        assertThat(model.experiment().stopConditions()).hasSize(stops + 1);
        assertThat(model.experiment().stopConditions().get(stops).probe().name())
                .isEqualTo(first);
        String base = RunbookListEdits.STOPS + "[" + stops + "]";
        assertThat(model.setField(base + ".haltWhen", "< 60%", "set halt when")).isEmpty();
        assertThat(model.experiment().stopConditions().get(stops).haltWhen().accepts(0.55))
                .isTrue();
        assertThat(model.experiment().stopConditions().get(stops).haltWhen().accepts(0.65))
                .isFalse();
        assertThat(model.yamlProperty().get()).contains("name: stop-when-failing");
        assertThat(model.setField(base + ".probe", "no-such-probe", "set probe"))
                .isPresent();

        for (int i = stops; i >= 0; i--) {
            assertThat(model.editTree("remove", RunbookListEdits.remove(RunbookListEdits.STOPS, i)))
                    .isEmpty();
        }
        assertThat(model.experiment().stopConditions()).isEmpty();
        assertThat(model.yamlProperty().get()).doesNotContain("stopConditions");
    }
}
