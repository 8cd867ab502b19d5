package dev.faultline.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Rollout;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rollout over counts of targets ({@code targets: [1, 2, 3]}): read, refused at its place when wrong, written back. */
class RolloutTargetsRunbookTest {
    static final String ROLLOUT = """
            apiVersion: faultline.dev/v1
            kind: Experiment
            metadata:
              name: workers-paused
            spec:
              environment: sandbox
              timing: {probeInterval: 1s}
              hypothesis:
                title: Orders keep succeeding
                probes:
                  - name: order-success-ratio
                    expect: ">= 90%"
                    http: {url: "http://127.0.0.1:18080/health"}
              method:
                - name: workers-paused
                  target: {process: sandbox-worker}
                  rollout:
                    targets: [1, 2, 3]
                    hold: 4s
                  fault: {type: process-pause}
              blastRadius:
                maxShare: 100%
                maxDuration: 1m
                maxTargets: 3
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
    void targetsAreCountsOfTargetsAndEachTargetIsHitWholly() throws Exception {
        Experiment e = loader.parse(ROLLOUT, "r.yaml").experiment();
        MethodStep.FaultStep step = e.faultSteps().getFirst();
        assertThat(step.rollout()).isEqualTo(Rollout.ofTargets(List.of(1, 2, 3), Duration.ofSeconds(4), List.of()));
        assertThat(step.rollout().countsTargets()).isTrue();
        assertThat(step.share()).isEqualTo(1.0);
        assertThat(step.firstShare()).isEqualTo(1.0);
        assertThat(step.firstTargets()).hasValue(1);
        assertThat(step.duration()).isEqualTo(Duration.ofSeconds(12));
        assertThat(step.rollout().describe()).isEqualTo("1 target → 2 targets → 3 targets, 4s each");
    }

    @Test
    void itIsWrittenBackAsTargets() throws Exception {
        Experiment e = loader.parse(ROLLOUT, "r.yaml").experiment();
        String written = new RunbookWriter().toYaml(e);
        assertThat(written).contains("targets:").doesNotContain("stages:").doesNotContain("share:");
        assertThat(loader.parse(written, "w.yaml").experiment()).as(written).isEqualTo(e);
    }

    @Test
    void countsThatDoNotIncreaseOrAreNotWholeAreRefusedAtTheStage() {
        assertThat(problems(ROLLOUT.replace("[1, 2, 3]", "[1, 2, 2]")))
                .containsExactly("r.yaml:18:25: spec.method[0].rollout.targets[2]: targets must increase: 2 targets is"
                        + " not more than the stage before (2 targets)");
        assertThat(problems(ROLLOUT.replace("[1, 2, 3]", "[1, 2.5]")))
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("r.yaml:18:").contains("spec.method[0].rollout.targets[1]"));
        assertThat(problems(ROLLOUT.replace("[1, 2, 3]", "[0, 2]")))
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("r.yaml:18:").contains("spec.method[0].rollout.targets[0]"));
    }

    @Test
    void stagesAndTargetsTogetherAreRefused() {
        assertThat(problems(ROLLOUT.replace("targets: [1, 2, 3]", "targets: [1, 2, 3]\n        stages: [5%, 50%]")))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p).contains("spec.method[0].rollout"));
    }

    @Test
    void aCountAboveMaxTargetsIsRefusedAtThatStageAndMaxShareDoesNotApplyToCounts() {
        assertThat(problems(ROLLOUT.replace("maxTargets: 3", "maxTargets: 2")))
                .containsExactly(
                        "r.yaml:18:25: spec.method[0].rollout.targets[2]: stage 3 of the rollout (3 targets) is above"
                                + " the blast radius maximum of 2 targets; lower it or raise blastRadius.maxTargets");
        assertThat(problems(ROLLOUT.replace("maxShare: 100%", "maxShare: 30%"))).isEmpty();
    }
}
