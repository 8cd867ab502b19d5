package dev.faultline.app.view.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A run or GameDay that could not start: the live view says so and why, not "Starting …" on. */
class LiveStartFailureTest {
    @Test
    void aFailedStartSaysItFailedAndWhyInsteadOfStarting() {
        LiveRunViewModel m = new LiveRunViewModel(ZoneId.of("Europe/Berlin"));
        assertThat(m.chartsPlaceholder().get()).startsWith("Start a GameDay");
        m.preparing("first-gameday.yaml", Instant.parse("2026-12-07T00:10:00Z"));
        assertThat(m.titleProperty().get()).isEqualTo("Starting first-gameday.yaml");
        assertThat(m.chartsPlaceholder().get())
                .startsWith("Getting ready: the sandbox starts")
                .doesNotContain("Start a GameDay");

        m.failed("Could not run first-gameday.yaml: port 18080 (sandbox-order) is already in use");

        assertThat(m.titleProperty().get()).isEqualTo("Could not start first-gameday.yaml");
        assertThat(m.phaseProperty().get()).isEqualTo("NOT STARTED");
        assertThat(m.verdictProperty().get()).contains("port 18080 (sandbox-order) is already in use");
        assertThat(m.preparingProperty().get()).isFalse();
        assertThat(m.runningProperty().get()).isFalse();
        assertThat(m.log()).last().asString().endsWith("is already in use");
        assertThat(m.chartsPlaceholder().get()).startsWith("Start a GameDay");
    }
}
