package dev.faultline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.report.Report;
import dev.faultline.engine.report.ReportText;
import dev.faultline.engine.report.ResilienceScore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A probe that left its tolerance in an experiment whose halt was the outcome it set out to show
 * reads "expected", not a red "no" a director takes for a failure; in any other halt it stays a red "no".
 */
class ExpectedHaltFiguresTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private static Report.Experiment halted(boolean expected) {
        ResilienceScore.Explanation why = ResilienceScore.explain(
                        "HALTED",
                        List.of(new ResilienceScore.ProbeOutcome(false, true, true, java.time.Duration.ofSeconds(20))),
                        expected,
                        false)
                .orElseThrow();
        return new Report.Experiment(
                "run-1",
                "payment-outage",
                "HALTED",
                "stop condition orders-failing: order-success-ratio read 0.31",
                T0,
                T0.plusSeconds(60),
                "",
                List.of(new Report.ProbeFigures(
                        "order-success-ratio", ">= 0.95", false, 0.99, 0.31, 0.98, -0.68, "", true, 20_000L)),
                List.of(),
                List.of(),
                null,
                why.score(),
                why,
                List.of());
    }

    @Test
    void aProbeThatLeftItsToleranceInAnExpectedHaltReadsExpectedNotARedNo() {
        Xhtml h = new Xhtml();
        ReportDocument.figures(h, halted(true));

        assertThat(h.toString())
                .contains("<td class=\"expected\">" + ReportText.HALTED_AS_DESIGNED + "</td>")
                .doesNotContain("class=\"no\"");
        assertThat(ReportText.HALTED_AS_DESIGNED).isEqualTo("left tolerance — expected: halted as designed");
    }

    @Test
    void anUnexpectedHaltStillReadsARedNo() {
        Xhtml h = new Xhtml();
        ReportDocument.figures(h, halted(false));

        assertThat(h.toString()).contains("<td class=\"no\">no</td>").doesNotContain("expected: halted");
    }
}
