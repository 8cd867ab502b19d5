package dev.faultline.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Rollout;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fault step's {@code rollout}: read, refused at its place when wrong, written back the same. */
class RolloutRunbookTest {
    static final String ROLLOUT = """
            apiVersion: faultline.dev/v1
            kind: Experiment
            metadata:
              name: payment-rollout
            spec:
              environment: sandbox
              timing: {probeInterval: 1s}
              hypothesis:
                title: Orders keep succeeding
                probes:
                  - name: order-success-ratio
                    expect: ">= 90%"
                    http: {url: "http://127.0.0.1:18080/health"}
                  - name: health
                    expect: "< 500ms"
                    http: {url: "http://127.0.0.1:18080/health"}
              method:
                - name: payments-failing
                  target: {httpProxy: payments-http}
                  rollout:
                    stages: [5%, 25%, 100%]
                    hold: 4s
                  fault: {type: http, method: POST, path: /pay, abort: 503}
              blastRadius:
                maxShare: 100%
                maxDuration: 1m
            """;

    private final RunbookLoader loader = new RunbookLoader();

    private static List<String> problems(String yaml) {
        try {
            new RunbookLoader().parse(yaml, "r.yaml");
            return List.of();
        } catch (RunbookException e) {
            return e.problems().stream().map(RunbookProblem::toString).toList();
        }
    }

    @Test
    void aRolloutGivesTheStepItsStagesHoldAndTheWidestShare() throws Exception {
        Experiment e = loader.parse(ROLLOUT, "r.yaml").experiment();
        MethodStep.FaultStep step = e.faultSteps().getFirst();
        assertThat(step.rollout()).isEqualTo(new Rollout(List.of(0.05, 0.25, 1.0), Duration.ofSeconds(4), List.of()));
        assertThat(step.share()).isEqualTo(1.0);
        assertThat(step.firstShare()).isEqualTo(0.05);
        assertThat(step.duration()).isEqualTo(Duration.ofSeconds(12));
        assertThat(step.rollout().describe()).isEqualTo("5% → 25% → 100%, 4s each");
    }

    @Test
    void checkNamesHypothesisProbesOrTheWholeHypothesis() throws Exception {
        Experiment some = loader.parse(ROLLOUT.replace("hold: 4s", "hold: 4s\n        check: [health]"), "r.yaml")
                .experiment();
        assertThat(some.faultSteps().getFirst().rollout().check()).containsExactly("health");
        Experiment all = loader.parse(ROLLOUT.replace("hold: 4s", "hold: 4s\n        check: hypothesis"), "r.yaml")
                .experiment();
        assertThat(all.faultSteps().getFirst().rollout().checksHypothesis()).isTrue();
    }

    @Test
    void itIsWrittenBackAsItIsRead() throws Exception {
        RunbookWriter writer = new RunbookWriter();
        for (String yaml : List.of(
                ROLLOUT,
                ROLLOUT.replace("hold: 4s", "hold: 4s\n        check: [health, order-success-ratio]"),
                ROLLOUT.replace("[5%, 25%, 100%]", "[0.5%, 12.5%, 0.333]"))) {
            Experiment e = loader.parse(yaml, "r.yaml").experiment();
            String written = writer.toYaml(e);
            assertThat(written).contains("rollout:").doesNotContain("duration:").doesNotContain("share:");
            assertThat(loader.parse(written, "w.yaml").experiment()).as(written).isEqualTo(e);
        }
    }

    @Test
    void stagesThatDoNotIncreaseAreRefusedAtTheStage() {
        assertThat(problems(ROLLOUT.replace("[5%, 25%, 100%]", "[5%, 25%, 25%]")))
                .containsExactly("r.yaml:21:27: spec.method[0].rollout.stages[2]: stages must increase: 25% is not"
                        + " wider than the stage before (25%)");
        assertThat(problems(ROLLOUT.replace("[5%, 25%, 100%]", "[5%, 250%]")))
                .containsExactly("r.yaml:21:22: spec.method[0].rollout.stages[1]: '250%' is not a share: write a"
                        + " percentage from 0% to 100%, e.g. 50%");
    }

    @Test
    void aStageAboveTheBlastRadiusIsRefusedAtThatStage() {
        assertThat(problems(ROLLOUT.replace("maxShare: 100%", "maxShare: 30%")))
                .containsExactly(
                        "r.yaml:21:27: spec.method[0].rollout.stages[2]: stage 3 of the rollout (100%) is above"
                                + " the blast radius maximum of 30%; lower it or raise blastRadius.maxShare");
    }

    @Test
    void stagesLongerThanTheMaximumDurationAreRefusedAtTheHold() {
        assertThat(problems(ROLLOUT.replace("maxDuration: 1m", "maxDuration: 10s")))
                .containsExactly("r.yaml:22:15: spec.method[0].rollout.hold: ends at 12s, beyond the blast radius"
                        + " maximum of 10s");
    }

    @Test
    void aStepWithARolloutTakesNoDurationOrShare() {
        assertThat(problems(ROLLOUT.replace("      rollout:", "      duration: 10s\n      share: 5%\n      rollout:")))
                .containsExactly(
                        "r.yaml:20:17: spec.method[0].duration: a step with a rollout takes its duration from its stages"
                                + " (hold × stages); remove 'duration'",
                        "r.yaml:21:14: spec.method[0].share: a step with a rollout takes its share from its stages (the"
                                + " widest); remove 'share'");
    }

    @Test
    void holdAndCheckAreCheckedAgainstTheTimingAndTheHypothesis() {
        assertThat(problems(ROLLOUT.replace("hold: 4s", "hold: 500ms")))
                .containsExactly("r.yaml:22:15: spec.method[0].rollout.hold: hold 500ms is shorter than the probe"
                        + " interval (1s): each stage needs a sample to be checked; hold at least that long");
        assertThat(problems(ROLLOUT.replace("hold: 4s", "hold: 4s\n        check: [helth]")))
                .containsExactly("r.yaml:23:17: spec.method[0].rollout.check[0]: no hypothesis probe is named 'helth'"
                        + " (known: health, order-success-ratio)");
        assertThat(problems(ROLLOUT.replace("        hold: 4s\n", "")))
                .anySatisfy(
                        p -> assertThat(p).contains("spec.method[0].rollout").contains("hold"));
    }
}
