package dev.faultline.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.spi.run.RolloutResult;
import dev.faultline.engine.spi.run.RolloutResult.Stage;
import dev.faultline.engine.spi.run.RolloutResult.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rollout's stage table names its second column after what the stages are: shares or counts of targets. */
class RolloutTextTest {
    private static final Instant AT = Instant.parse("2026-12-07T07:00:00Z");

    private static Stage stage(int n, double share, int targets, Verdict v) {
        return new Stage(
                n,
                share,
                AT.plusSeconds(10L * n),
                AT.plusSeconds(10L * n + 10),
                n == 1 ? "injected" : "re-injected",
                Duration.ofMillis(40),
                v,
                List.of(),
                v == Verdict.HELD ? "" : "p99 4 of 4 samples outside < 350",
                targets);
    }

    @Test
    void aRolloutOverCountsOfTargetsHasATargetsColumnAndOneOverSharesAShareColumn() {
        RolloutResult counts = new RolloutResult(
                "pause-payments",
                "process/payments",
                "process-pause",
                3,
                List.of(stage(1, 1.0, 1, Verdict.HELD), stage(2, 1.0, 2, Verdict.DID_NOT_HOLD)));
        assertThat(RolloutText.columns(counts))
                .containsExactly("Stage", "Targets", "From", "To", "Applied", "Checked probes", "Held");
        assertThat(RolloutText.row(counts, counts.stages().get(1), ZoneId.of("UTC")))
                .startsWith("2 of 3", "2 targets");

        RolloutResult shares = new RolloutResult(
                "slow-payments",
                "proxy/payments",
                "latency",
                2,
                List.of(stage(1, 0.1, 0, Verdict.HELD), stage(2, 0.5, 0, Verdict.HELD)));
        assertThat(RolloutText.columns(shares))
                .containsExactly("Stage", "Share", "From", "To", "Applied", "Checked probes", "Held");
        assertThat(RolloutText.row(shares, shares.stages().get(1), ZoneId.of("UTC")))
                .startsWith("2 of 2", "50%");
    }
}
