package dev.faultline.app.view.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.store.EventRecord;
import dev.faultline.engine.store.JournalMirror;
import dev.faultline.engine.store.RunFollower;
import dev.faultline.engine.store.RunRecord;
import dev.faultline.engine.store.RunnerLoss;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Team mode, in the live view's model (no window): a followed run whose runner was lost reads
 * ABANDONED, its faults still drawn; a revert made from another desktop ends that fault's span at
 * the revert's time (not the oldest fault's, not at the run's end); a runner that comes back takes
 * the run back.
 */
class AbandonedRunFeedTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final LiveRunViewModel m = new LiveRunViewModel(ZoneId.of("UTC"));
    private final FollowFeed feed = new FollowFeed(m);
    private long seq;

    private void event(int second, String type, String text) {
        feed.accept(new RunFollower.Event(new EventRecord("r1", ++seq, T0.plusSeconds(second), type, text)));
    }

    @Test
    void aLostRunnersRunIsAbandonedAndARevertFromElsewhereEndsThatFaultsSpanThere() {
        feed.begin("laptop-ana (pid 4811)", "r1", "payment-pause", null, T0, null);
        event(0, "run-started", "run started");
        event(5, "fault-injected", "injected pause payments");
        event(6, "fault-injected", "injected latency 300ms on payments");
        String lost = "runner lost: laptop-ana (pid 4811) gave no heartbeat since 2026-12-07T10:00:20Z; marked"
                + " ABANDONED by ben@laptop-ben";
        event(36, RunnerLoss.EVENT, lost);

        assertThat(m.phaseProperty().get()).isEqualTo(RunnerLoss.ABANDONED);
        assertThat(m.verdictProperty().get()).isEqualTo(lost);
        assertThat(m.spans()).as("both faults are still held").allMatch(FaultSpan::active);

        event(
                40,
                "fault-reverted",
                JournalMirror.revertedLine("slow-payments", "ben@laptop-ben", "latency 300ms on payments"));

        assertThat(m.spans())
                .filteredOn(s -> s.description().equals("latency 300ms on payments"))
                .singleElement()
                .satisfies(s -> assertThat(s.end()).isEqualTo(T0.plusSeconds(40).toEpochMilli()));
        assertThat(m.spans())
                .filteredOn(s -> s.description().equals("pause payments"))
                .singleElement()
                .as("the local fault, older, is still held")
                .satisfies(s -> assertThat(s.active()).isTrue());
        assertThat(m.log()).anyMatch(l -> l.contains("from another desktop by ben@laptop-ben"));

        // its machine's recovery reverts the rest; the run's end then comes
        feed.accept(new RunFollower.Ended(new RunRecord(
                "r1", 1, "payment-pause", "sandbox", RunnerLoss.ABANDONED, T0, T0.plusSeconds(20), lost)));
        assertThat(m.phaseProperty().get()).isEqualTo(RunnerLoss.ABANDONED);
        assertThat(m.spans()).noneMatch(FaultSpan::active);
    }

    @Test
    void aRunnerThatComesBackTakesTheRunBack() {
        feed.begin("laptop-ana (pid 4811)", "r1", "payment-pause", null, T0, null);
        event(0, "run-started", "run started");
        event(1, "phase", "phase INJECT");
        String before = m.phaseProperty().get();
        event(30, RunnerLoss.EVENT, "runner lost: laptop-ana ...");
        assertThat(m.phaseProperty().get()).isEqualTo(RunnerLoss.ABANDONED);
        event(31, "runner-back", "the runner on laptop-ana (pid 4811) answers again");
        assertThat(m.phaseProperty().get())
                .as("its phase again")
                .isEqualTo(before)
                .isNotEmpty();
        assertThat(m.verdictProperty().get()).isEmpty();
    }
}
