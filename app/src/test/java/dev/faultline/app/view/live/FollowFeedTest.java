package dev.faultline.app.view.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.report.Observation;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.store.EventRecord;
import dev.faultline.engine.store.RunFollower;
import dev.faultline.engine.store.RunRecord;
import dev.faultline.engine.store.SampleRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Team mode's live view of another desktop's run, fed with what its follower reads from the store; no window. */
class FollowFeedTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aFollowedRunShowsItsRunnerPhaseChartsFaultsNotesAndEndReadOnly() throws Exception {
        Experiment e = new RunbookLoader()
                .load(Path.of("..", "runbooks", "sandbox", "payment-latency-holds.yaml"))
                .experiment();
        LiveRunViewModel m = new LiveRunViewModel(ZoneId.of("UTC"));
        FollowFeed feed = new FollowFeed(m);

        feed.begin(
                "ops-laptop-3 (pid 4242)",
                "r1",
                e.name(),
                e,
                T0,
                new FollowFeed.FollowedDay("Payments day", List.of("payment-latency-holds", "payment-outage"), 0));
        assertThat(m.followingProperty().get())
                .isEqualTo("Following ops-laptop-3 (pid 4242): read-only here; notes and the kill switch work");
        assertThat(m.runId()).as("notes written here go to the followed run").isEqualTo("r1");
        assertThat(m.progressProperty().get()).isEqualTo("Experiment 1 of 2: payment-latency-holds");
        assertThat(m.plan()).containsExactly("1. payment-latency-holds — running", "2. payment-outage — waiting");
        assertThat(m.tracks()).extracting(ProbeTrack::name).contains("order-success-ratio");

        feed.accept(new RunFollower.Event(new EventRecord("r1", 1, T0, "run-started", "run of x started in sandbox")));
        feed.accept(new RunFollower.Event(new EventRecord("r1", 2, T0.plusSeconds(1), "phase", "phase BASELINE")));
        feed.accept(new RunFollower.Samples(List.of(
                new SampleRecord("r1", "order-success-ratio", "BASELINE", T0.plusSeconds(2), 0.98, null, true),
                new SampleRecord("r1", "order-success-ratio", "BASELINE", T0.plusSeconds(3), 0.97, null, true))));
        feed.accept(new RunFollower.Event(new EventRecord("r1", 3, T0.plusSeconds(4), "phase", "phase INJECT")));
        feed.accept(new RunFollower.Event(
                new EventRecord("r1", 4, T0.plusSeconds(4), "fault-injected", "injected latency 150ms on payment")));
        feed.accept(new RunFollower.Samples(
                List.of(new SampleRecord("r1", "order-success-ratio", "INJECT", T0.plusSeconds(5), 0.5, null, false))));

        assertThat(m.phaseProperty().get()).startsWith("INJECT");
        ProbeTrack ratio = m.tracks().stream()
                .filter(t -> t.name().equals("order-success-ratio"))
                .findFirst()
                .orElseThrow();
        assertThat(ratio.series().size()).isEqualTo(3);
        assertThat(m.spans())
                .singleElement()
                .satisfies(s -> assertThat(s.active()).isTrue());
        assertThat(m.log()).anyMatch(l -> l.endsWith("order-success-ratio = 0.5 OUTSIDE tolerance"));

        // a note written here shows at once, and is not shown twice when the store hands it back
        m.addObservation(T0.plusSeconds(6), "Ana", "checkout slow");
        feed.accept(new RunFollower.Note(new Observation(1, "r1", T0.plusSeconds(6), "Ana", "checkout slow")));
        feed.accept(new RunFollower.Note(new Observation(2, "r1", T0.plusSeconds(7), "Zoë", "errors climb")));
        assertThat(m.log().stream().filter(l -> l.contains("note")))
                .containsExactly("10:00:06  note (Ana): checkout slow", "10:00:07  note (Zoë): errors climb");
        assertThat(m.marks())
                .filteredOn(k -> k.kind() == ChartMark.Kind.OBSERVATION)
                .hasSize(2);

        // late news says so; news in time clears it
        feed.lag(T0.plusSeconds(5), T0.plusSeconds(12), "");
        assertThat(m.behindProperty().get()).isEqualTo("Behind the runner by 7 s");
        feed.lag(T0.plusSeconds(5), T0.plusSeconds(6), "the shared store does not answer (connection refused)");
        assertThat(m.behindProperty().get())
                .isEqualTo("Behind the runner by 1 s: the shared store does not answer (connection refused)");
        feed.lag(T0.plusSeconds(11), T0.plusSeconds(12), "");
        assertThat(m.behindProperty().get()).isEmpty();

        feed.accept(new RunFollower.Event(new EventRecord(
                "r1", 5, T0.plusSeconds(8), "fault-reverted", "reverted slow-payments, confirmed gone after 3 ms")));
        feed.accept(new RunFollower.Event(new EventRecord("r1", 6, T0.plusSeconds(8), "halt", "HALT: by Ana")));
        feed.accept(new RunFollower.Ended(new RunRecord(
                "r1", 1, e.name(), "sandbox", "HALTED", T0, T0.plusSeconds(9), "halted by the kill switch")));
        assertThat(m.runningProperty().get()).isFalse();
        assertThat(m.phaseProperty().get()).isEqualTo("HALTED");
        assertThat(m.verdictProperty().get()).isEqualTo("halted by the kill switch");
        assertThat(m.spans())
                .singleElement()
                .satisfies(s -> assertThat(s.active()).isFalse());
        assertThat(m.plan())
                .first()
                .asString()
                .isEqualTo("1. payment-latency-holds — HALTED: halted by the kill switch");
        assertThat(m.marks()).extracting(ChartMark::kind).contains(ChartMark.Kind.REVERT, ChartMark.Kind.HALT);

        feed.stop();
        assertThat(m.followingProperty().get()).isEmpty();
    }

    @Test
    void aRunOfThisDesktopIsNotMarkedFollowed() throws Exception {
        Experiment e = new RunbookLoader()
                .load(Path.of("..", "runbooks", "sandbox", "payment-latency-holds.yaml"))
                .experiment();
        LiveRunViewModel m = new LiveRunViewModel(ZoneId.of("UTC"));
        FollowFeed feed = new FollowFeed(m);
        feed.begin("ops-laptop-3", "r1", e.name(), e, T0, null);
        m.preparing("payment-latency-holds.yaml", T0.plusSeconds(60));
        assertThat(m.followingProperty().get()).isEmpty();
    }

    @Test
    void aRunbookThatCannotBeReadHereStillFollowsTheLog() {
        LiveRunViewModel m = new LiveRunViewModel(ZoneId.of("UTC"));
        FollowFeed feed = new FollowFeed(m);
        feed.begin("ops-laptop-3", "r1", "custom-exp", null, T0, null);
        feed.accept(new RunFollower.Event(new EventRecord("r1", 1, T0.plusSeconds(1), "phase", "phase BASELINE")));
        assertThat(m.titleProperty().get()).isEqualTo("custom-exp");
        assertThat(m.tracks()).isEmpty();
        assertThat(m.phaseProperty().get()).startsWith("BASELINE");
        assertThat(m.log()).anyMatch(l -> l.contains("cannot be read on this desktop"));
    }
}
