package dev.faultline.app.view.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.spi.run.ProbeSample;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunPhase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveRunViewModelTest {
    @Test
    void samplesFaultsAndNotesLandOnTheirProbesAndTheTimeAxis() throws Exception {
        Experiment e = new RunbookLoader()
                .load(Path.of("..", "runbooks", "sandbox", "payment-latency-holds.yaml"))
                .experiment();
        LiveRunViewModel m = new LiveRunViewModel(ZoneId.of("Europe/Berlin"));
        Instant t0 = Instant.parse("2026-12-02T10:00:00Z");
        m.begin(e, t0);
        List<RunEvent> batch = new ArrayList<>();
        batch.add(new RunEvent.PhaseChanged("r1", t0, RunPhase.WARMUP, RunPhase.BASELINE));
        for (int i = 0; i < 3; i++) {
            batch.add(sample("order-success-ratio", RunPhase.BASELINE, t0.plusSeconds(i), 0.98));
        }
        batch.add(new RunEvent.FaultInjected("r1", t0.plusSeconds(3), "slow-payments", "f1", "latency 150ms"));
        batch.add(sample("order-success-ratio", RunPhase.INJECT, t0.plusSeconds(4), 0.5));
        batch.add(new RunEvent.FaultReverted(
                "r1", t0.plusSeconds(9), "slow-payments", "f1", true, Duration.ofMillis(3), "gone"));
        int before = m.revisionProperty().get();

        m.accept(batch);
        m.addObservation(t0.plusSeconds(5), "ana", "checkout page slow");

        assertThat(m.revisionProperty().get()).isEqualTo(before + 2);
        ProbeTrack ratio = m.tracks().stream()
                .filter(t -> t.name().equals("order-success-ratio"))
                .findFirst()
                .orElseThrow();
        assertThat(ratio.series().size()).isEqualTo(4);
        assertThat(ratio.baseline()).isEqualTo(0.98);
        assertThat(ratio.latestWithin()).isFalse();
        assertThat(ratio.haltZone()).isNotNull();
        assertThat(m.spans()).singleElement().satisfies(s -> {
            assertThat(s.active()).isFalse();
            assertThat(s.end() - s.start()).isEqualTo(6000);
        });
        assertThat(m.marks())
                .extracting(ChartMark::kind)
                .contains(ChartMark.Kind.INJECT, ChartMark.Kind.REVERT, ChartMark.Kind.OBSERVATION);
        assertThat(m.log()).anyMatch(l -> l.startsWith("11:00:05") && l.contains("note (ana): checkout page slow"));
        assertThat(m.log()).anyMatch(l -> l.contains("OUTSIDE tolerance"));
        assertThat(m.phaseProperty().get()).startsWith("BASELINE");
    }

    private static RunEvent sample(String probe, RunPhase phase, Instant at, double v) {
        return new RunEvent.ProbeSampled("r1", at, new ProbeSample(probe, phase, at, v, null, v >= 0.9));
    }
}
