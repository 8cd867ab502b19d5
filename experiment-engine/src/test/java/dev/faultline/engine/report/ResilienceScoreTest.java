package dev.faultline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.faultline.engine.report.ResilienceScore.ProbeOutcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResilienceScoreTest {
    private static final ProbeOutcome STEADY = new ProbeOutcome(true, false, true, null);
    private static final ProbeOutcome BACK_AFTER_30S = new ProbeOutcome(false, true, true, Duration.ofSeconds(30));

    @Test
    void aSteadyStateThatHeldThroughoutScores100() {
        assertThat(ResilienceScore.experiment("HELD", List.of(STEADY, STEADY)).getAsDouble())
                .isEqualTo(100);
    }

    @Test
    void theDocumentedExampleScores68And48WhenHalted() {
        assertThat(ResilienceScore.experiment("DEVIATED", List.of(STEADY, BACK_AFTER_30S))
                        .getAsDouble())
                .isCloseTo(68, within(1e-9));
        assertThat(ResilienceScore.experiment("HALTED", List.of(STEADY, BACK_AFTER_30S))
                        .getAsDouble())
                .isCloseTo(48, within(1e-9));
    }

    @Test
    void noRecoveryAbortsAndFailuresAreScoredAsDocumented() {
        assertThat(ResilienceScore.experiment("DEVIATED", List.of(new ProbeOutcome(false, true, false, null)))
                        .getAsDouble())
                .isZero();
        assertThat(ResilienceScore.experiment("HALTED", List.of(new ProbeOutcome(false, true, false, null)))
                        .getAsDouble())
                .isZero();
        assertThat(ResilienceScore.experiment("ABORTED", List.of(STEADY))).isEmpty();
        assertThat(ResilienceScore.experiment("FAILED", List.of(STEADY)).getAsDouble())
                .isZero();
        assertThat(ResilienceScore.experiment(
                                "DEVIATED", List.of(new ProbeOutcome(false, true, true, Duration.ofMinutes(10))))
                        .getAsDouble())
                .isZero();
        assertThat(ResilienceScore.gameDay(List.of(100.0, 50.0)).getAsDouble()).isEqualTo(75);
    }

    @Test
    void aHaltByAStopConditionTheExperimentExpectsCountsAsItsOutcomeNotAsAFailure() {
        ProbeOutcome brokeAndCameBack = new ProbeOutcome(false, true, true, Duration.ofSeconds(30));
        // expected: the halt is the outcome, so the hypothesis counts as held and no penalty; recovery counts
        assertThat(ResilienceScore.experiment("HALTED", List.of(brokeAndCameBack), true)
                        .getAsDouble())
                .isCloseTo(100 * (0.6 + 0.4 * 0.9), within(1e-9));
        // not expected: as before
        assertThat(ResilienceScore.experiment("HALTED", List.of(brokeAndCameBack), false)
                        .getAsDouble())
                .isCloseTo(100 * (0.4 * 0.9) - 20, within(1e-9));
        // an expected halt that did not happen changes nothing
        assertThat(ResilienceScore.experiment("DEVIATED", List.of(brokeAndCameBack), true)
                        .getAsDouble())
                .isCloseTo(100 * (0.4 * 0.9), within(1e-9));
    }

    @Test
    void theExplanationNamesWhatCounted() {
        ResilienceScore.Explanation x = ResilienceScore.explain(
                        "HALTED", List.of(STEADY, new ProbeOutcome(false, true, false, null)), false)
                .orElseThrow();
        assertThat(x.held()).isEqualTo(0.5);
        assertThat(x.recovery()).isEqualTo(0.5);
        assertThat(x.penalty()).isEqualTo(20);
        assertThat(x.score()).isCloseTo(100 * (0.6 * 0.5 + 0.4 * 0.5) - 20, within(1e-9));
        assertThat(x.text()).contains("1 of 2 probes held", "20 points off");
        ResilienceScore.Explanation expected = ResilienceScore.explain(
                        "HALTED", List.of(new ProbeOutcome(false, true, true, null)), true)
                .orElseThrow();
        assertThat(expected.text()).contains("halt", "expected");
        assertThat(expected.penalty()).isZero();
    }
}
