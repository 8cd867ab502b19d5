package dev.faultline.app.view.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.runbook.ToleranceParser;
import org.junit.jupiter.api.Test;

class ProbeCheckTest {
    private final Probe health = new Probe(
            "payment-health",
            "http",
            Params.of("url", "http://127.0.0.1:18081/health", "measure", "status"),
            ToleranceParser.parse("== 200"),
            true);

    @Test
    void aValueIsJudgedAgainstItsToleranceWithTheValueSeen() {
        assertThat(ProbeCheck.read(health, 200).outcome()).isEqualTo(ProbeVerdict.Outcome.WITHIN);
        ProbeVerdict outside = ProbeCheck.read(health, 503);
        assertThat(outside.outcome()).isEqualTo(ProbeVerdict.Outcome.OUTSIDE);
        assertThat(outside.text()).contains("tolerance not met").contains("saw 503");
        assertThat(outside.startSandbox()).isFalse();
    }

    @Test
    void failuresAreExplainedInWords() {
        ProbeVerdict down = ProbeCheck.failed(health, "GET http://127.0.0.1:18081/health: ConnectException", true);
        assertThat(down.outcome()).isEqualTo(ProbeVerdict.Outcome.SANDBOX_DOWN);
        assertThat(down.text()).contains("the sandbox is not running: start it");
        assertThat(down.startSandbox()).isTrue();

        ProbeVerdict refused = ProbeCheck.failed(health, "GET http://127.0.0.1:18081/health: ConnectException", false);
        assertThat(refused.outcome()).isEqualTo(ProbeVerdict.Outcome.REFUSED);
        assertThat(refused.text()).contains("connection refused").contains("18081/health");

        assertThat(ProbeCheck.failed(health, "GET http://x/health: no answer within 2000 ms", false)
                        .text())
                .contains("timed out")
                .contains("2000 ms");
        assertThat(ProbeCheck.failed(health, "GET http://x/health answered 503", false)
                        .text())
                .contains("wrong status")
                .contains("503");
        assertThat(ProbeCheck.failed(health, "no series matching x", false).outcome())
                .isEqualTo(ProbeVerdict.Outcome.UNREADABLE);
    }
}
