package dev.faultline.app.view.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.safety.HaltReport;
import dev.faultline.engine.safety.RevertOutcome;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.run.HaltReason;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kill switch's banner names what was reverted and what failed, with the step to do by hand. */
class HaltSummaryTest {
    private static final Instant AT = Instant.parse("2026-12-03T10:15:30Z");

    private static RevertOutcome outcome(String step, String description, boolean ok, String manual) {
        return new RevertOutcome(
                new FaultHandle("local", step + "-1", description, Params.EMPTY),
                step,
                ok,
                ok,
                Duration.ofMillis(12),
                ok ? "confirmed gone after 12 ms" : "the proxy did not answer",
                manual);
    }

    @Test
    void revertedAndFailedFaultsAreNamed() {
        HaltReport r = new HaltReport(
                HaltReason.killSwitch("smoke in the server room"),
                AT,
                AT.plusSeconds(1),
                1,
                List.of(
                        outcome("slow-payments", "latency 300ms on proxy/payments", true, ""),
                        outcome("cut-cache", "cut-cache", false, "toxiproxy-cli toxic remove cache -n cut")));

        assertThat(HaltSummary.of(r, ZoneId.of("UTC")))
                .startsWith("Kill switch engaged at 10:15:30 (smoke in the server room).")
                .contains("Reverted and confirmed gone: slow-payments (latency 300ms on proxy/payments).")
                .contains("FAILED to revert: cut-cache — the proxy did not answer; by hand: toxiproxy-cli toxic remove"
                        + " cache -n cut.")
                .endsWith("Nothing starts until it is released: press HALTED — Release… and say why it is safe.");
    }

    @Test
    void nothingActiveIsSaid() {
        HaltReport r = new HaltReport(HaltReason.killSwitch("drill"), AT, AT, 0, List.of());

        assertThat(HaltSummary.of(r, ZoneId.of("UTC"))).contains("No fault was active: nothing to revert.");
    }
}
