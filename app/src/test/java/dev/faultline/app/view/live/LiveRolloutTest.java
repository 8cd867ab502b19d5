package dev.faultline.app.view.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.spi.run.RunEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped rollout runbook's stages (5%, 25%, 90%, 4 s each) as the live view shows them. */
class LiveRolloutTest {
    private final Instant t0 = Instant.parse("2026-12-02T10:00:00Z");

    private LiveRunViewModel begun() throws Exception {
        Experiment e = new RunbookLoader()
                .load(Path.of("..", "runbooks", "sandbox", "payment-rollout-stops.yaml"))
                .experiment();
        LiveRunViewModel m = new LiveRunViewModel(ZoneId.of("UTC"));
        m.begin(e, t0);
        return m;
    }

    private RunEvent started(int stage, double share, long atMs) {
        return new RunEvent.RolloutStageStarted(
                "r1",
                t0.plusMillis(atMs),
                "payments-failing",
                stage,
                3,
                share,
                stage == 1 ? "injected" : "in place",
                Duration.ofMillis(2),
                0);
    }

    private RunEvent checked(int stage, double share, long atMs, boolean held) {
        return new RunEvent.RolloutStageChecked(
                "r1", t0.plusMillis(atMs), "payments-failing", stage, 3, share, held, held ? "ok" : "ratio 27%", 0);
    }

    @Test
    void theStageInEffectAndTheNextCountDown() throws Exception {
        LiveRunViewModel m = begun();
        assertThat(m.stageProperty().get()).isEmpty();

        m.accept(List.of(started(1, 0.05, 10_000)));
        m.tick(t0.toEpochMilli() + 11_200);
        assertThat(m.stageProperty().get()).isEqualTo("payments-failing: stage 1 of 3: 5% → next 25% in 0:03");
        m.tick(t0.toEpochMilli() + 13_500);
        assertThat(m.stageProperty().get()).isEqualTo("payments-failing: stage 1 of 3: 5% → next 25% in 0:01");

        m.accept(List.of(checked(1, 0.05, 14_000, true)));
        assertThat(m.stageProperty().get()).isEqualTo("payments-failing: stage 1 of 3: 5% held, widening…");

        m.accept(List.of(checked(2, 0.25, 18_000, true), started(3, 0.9, 18_010)));
        m.tick(t0.toEpochMilli() + 18_010);
        assertThat(m.stageProperty().get())
                .isEqualTo("payments-failing: stage 3 of 3: 90% (the last) · checked in 0:04");

        m.accept(List.of(checked(3, 0.9, 22_010, false)));
        assertThat(m.stageProperty().get())
                .isEqualTo("payments-failing: stage 3 of 3: 90% did not hold: the rollout stops here");
    }

    @Test
    void eachStageChangeIsMarkedOnTheChartsTimeAxis() throws Exception {
        LiveRunViewModel m = begun();
        m.accept(List.of(
                started(1, 0.05, 10_000),
                checked(1, 0.05, 14_000, true),
                started(2, 0.25, 14_003),
                checked(2, 0.25, 18_000, true),
                started(3, 0.9, 18_010)));

        assertThat(m.marks())
                .filteredOn(k -> k.kind() == ChartMark.Kind.STAGE)
                .extracting(ChartMark::at, ChartMark::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(t0.toEpochMilli() + 10_000, "stage 1 · 5%"),
                        org.assertj.core.groups.Tuple.tuple(t0.toEpochMilli() + 14_003, "stage 2 · 25%"),
                        org.assertj.core.groups.Tuple.tuple(t0.toEpochMilli() + 18_010, "stage 3 · 90%"));
    }

    @Test
    void aRunWithoutRolloutShowsNoStage() throws Exception {
        Experiment e = new RunbookLoader()
                .load(Path.of("..", "runbooks", "sandbox", "payment-latency-holds.yaml"))
                .experiment();
        LiveRunViewModel m = new LiveRunViewModel(ZoneId.of("UTC"));
        m.begin(e, t0);
        m.tick(t0.toEpochMilli() + 5_000);
        assertThat(m.stageProperty().get()).isEmpty();
        assertThat(m.marks()).noneMatch(k -> k.kind() == ChartMark.Kind.STAGE);
    }
}
