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

    @Test
    void aKillSwitchDrillWhileEveryProbeWasWithinItsToleranceIsNotAFailure() {
        // halted by the leader's kill switch before the final verification: no probe has "held" (the
        // verification was skipped), but none ever left its tolerance
        ProbeOutcome withinUntilTheHalt = new ProbeOutcome(false, false, false, null);
        ResilienceScore.Explanation drill = ResilienceScore.explain(
                        "HALTED", List.of(withinUntilTheHalt, withinUntilTheHalt), false, true)
                .orElseThrow();

        assertThat(drill.score()).isEqualTo(100);
        assertThat(drill.penalty()).isZero();
        assertThat(drill.text())
                .contains("kill switch", "every probe within its tolerance")
                .doesNotContain("points off", "0 of 2");
        // the kill switch pulled because a probe had left its tolerance: a halt as before
        ResilienceScore.Explanation pulled = ResilienceScore.explain(
                        "HALTED", List.of(withinUntilTheHalt, new ProbeOutcome(false, true, false, null)), false, true)
                .orElseThrow();
        assertThat(pulled.penalty()).isEqualTo(20);
        assertThat(pulled.score()).isCloseTo(100 * (0.6 * 0.5 + 0.4 * 0.5) - 20, within(1e-9));
        // a stop condition's halt is not a drill
        assertThat(ResilienceScore.explain("HALTED", List.of(withinUntilTheHalt), false, false)
                        .orElseThrow()
                        .penalty())
                .isEqualTo(20);
    }

    @Test
    void theKillSwitchHaltIsReadFromTheStoredResult() throws Exception {
        tools.jackson.databind.JsonNode drill =
                tools.jackson.databind.json.JsonMapper.builder().build().readTree("""
                        {"outcome":"HALTED","reason":"drill (final verification skipped)",
                         "haltedBy":{"killSwitch":"drill"},
                         "probes":[{"name":"order-success-ratio","held":false,"recovered":false,
                                    "during":{"outsideTolerance":0},"after":{"outsideTolerance":0}}]}
                        """);

        assertThat(ReportAssembler.experimentScore("HALTED", drill)
                        .orElseThrow()
                        .score())
                .isEqualTo(100);
    }

    @Test
    void aDrillsProbesThatStayedWithinToleranceReadHeldInTheReport() throws Exception {
        tools.jackson.databind.JsonNode drill =
                tools.jackson.databind.json.JsonMapper.builder().build().readTree("""
                        {"outcome":"HALTED","reason":"drill (final verification skipped)",
                         "haltedBy":{"killSwitch":"drill"},
                         "probes":[{"name":"order-success-ratio","expect":">= 0.95","held":false,
                                    "recovered":false,
                                    "during":{"outsideTolerance":0},"after":{"outsideTolerance":0}},
                                   {"name":"checkout-p99","expect":"< 300ms","held":false,"recovered":false,
                                    "during":{"outsideTolerance":3},"after":{"outsideTolerance":0}}]}
                        """);
        tools.jackson.databind.JsonNode failed =
                tools.jackson.databind.json.JsonMapper.builder().build().readTree("""
                        {"outcome":"FAILED","probes":[{"name":"order-success-ratio","expect":">= 0.95","held":false,"recovered":false,
                                    "during":{"outsideTolerance":0},"after":{"outsideTolerance":0}}]}
                        """);

        assertThat(ReportAssembler.probeFigures(drill))
                .extracting(Report.ProbeFigures::held)
                .as("within tolerance until the kill switch halted it; the one that left its tolerance did not hold")
                .containsExactly(true, false);
        assertThat(ReportAssembler.probeFigures(failed))
                .extracting(Report.ProbeFigures::held)
                .as("no kill switch: the result's word stands")
                .containsExactly(false);
    }

    @Test
    void theResultSaysAKillSwitchHaltedTheRun() {
        java.time.Instant t0 = java.time.Instant.parse("2026-12-07T10:00:00Z");
        dev.faultline.engine.spi.run.RunResult halted = new dev.faultline.engine.spi.run.RunResult(
                "r1",
                "payment-latency-holds",
                "sandbox",
                dev.faultline.engine.spi.run.RunOutcome.HALTED,
                "drill (final verification skipped)",
                t0,
                t0.plusSeconds(30),
                dev.faultline.engine.spi.run.Impact.of(0, true),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        List<dev.faultline.engine.spi.run.RunEvent> events = List.of(new dev.faultline.engine.spi.run.RunEvent.Halted(
                "r1", t0.plusSeconds(20), dev.faultline.engine.spi.run.HaltReason.killSwitch("drill")));

        tools.jackson.databind.JsonNode root = new ResultJson().tree(halted, events);

        assertThat(root.path("haltedBy").path("killSwitch").asString()).isEqualTo("drill");
    }
}
