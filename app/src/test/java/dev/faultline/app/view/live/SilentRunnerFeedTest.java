package dev.faultline.app.view.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.store.JournalMirror;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Team mode: a followed run whose runner stopped answering, in the live view's model; no window. */
class SilentRunnerFeedTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final JournalMirror.HeldFault PROXY = new JournalMirror.HeldFault(
            "f1",
            "r1",
            "laptop-ana",
            "slow-payments",
            "toxiproxy",
            "latency 300ms on payments",
            true,
            "injected",
            "{}");
    private static final JournalMirror.HeldFault PAUSE = new JournalMirror.HeldFault(
            "f2", "r1", "laptop-ana", "pause-payments", "local", "pause payments", false, "injected", "{}");

    private final LiveRunViewModel m = new LiveRunViewModel(ZoneId.of("UTC"));
    private final FollowFeed feed = new FollowFeed(m);

    @Test
    void aSilentRunnerIsShownWithSinceWhenAndEachHeldFaultWithWhoCanRevertIt() {
        feed.begin("laptop-ana (pid 4811)", "r1", "payment-pause", null, T0, null);
        assertThat(m.follow().silenceProperty().get())
                .as("answering: no banner")
                .isEmpty();

        feed.runner(new FollowFeed.Silence(
                "laptop-ana", 4811, T0.plusSeconds(10), Duration.ofSeconds(9), List.of(PROXY, PAUSE), ""));

        assertThat(m.follow().silenceProperty().get())
                .isEqualTo("The runner stopped answering: laptop-ana (pid 4811), no heartbeat since 10:00:10 (9 s)."
                        + " Its journal still holds 2 faults:");
        assertThat(m.follow().held())
                .extracting(FollowState.Held::what)
                .containsExactly(
                        "latency 300ms on payments (step slow-payments, backend toxiproxy, injected)",
                        "pause payments (step pause-payments, backend local, injected)");
        assertThat(m.follow().held().get(0).todo()).contains("Revert reverts it from here");
        assertThat(m.follow().held().get(1).todo())
                .isEqualTo("local to laptop-ana: reverted there when it comes back (or faultline recover on"
                        + " laptop-ana)");
        assertThat(m.follow().revertable().get()).isTrue();
        assertThat(m.log())
                .filteredOn(l -> l.contains("THE RUNNER STOPPED ANSWERING"))
                .hasSize(1);

        feed.lag(T0.plusSeconds(1), T0.plusSeconds(30), "");
        assertThat(m.follow().behindProperty().get())
                .as("the banner says it, not 'behind'")
                .isEmpty();

        // the next poll says the same: the log says it once
        feed.runner(new FollowFeed.Silence(
                "laptop-ana", 4811, T0.plusSeconds(10), Duration.ofSeconds(10), List.of(PROXY, PAUSE), ""));
        assertThat(m.log())
                .filteredOn(l -> l.contains("THE RUNNER STOPPED ANSWERING"))
                .hasSize(1);

        feed.reverting();
        assertThat(m.follow().revertable().get()).as("not twice at once").isFalse();
        feed.reverted(List.of("reverted latency 300ms on payments (toxic removed)"));
        assertThat(m.follow().outcomeProperty().get()).isEqualTo("reverted latency 300ms on payments (toxic removed)");
        assertThat(m.log()).anyMatch(l -> l.endsWith("reverted latency 300ms on payments (toxic removed)"));

        feed.runner(null);
        assertThat(m.follow().silenceProperty().get()).isEmpty();
        assertThat(m.follow().held()).isEmpty();
        assertThat(m.log()).anyMatch(l -> l.endsWith("the runner on laptop-ana answers again"));
    }

    @Test
    void aLoginWhoseRoleDoesNotAllowItCannotRevertAndIsToldWhy() {
        feed.begin("laptop-ana (pid 4811)", "r1", "payment-pause", null, T0, null);
        feed.runner(new FollowFeed.Silence(
                "laptop-ana",
                4811,
                T0,
                Duration.ofSeconds(6),
                List.of(PROXY),
                "refused by the shared store: cleo may not revert another desktop's faults"));
        assertThat(m.follow().revertable().get()).isFalse();
        assertThat(m.follow().refusalProperty().get()).startsWith("refused by the shared store: cleo");
    }

    @Test
    void onlyLocalFaultsLeaveNothingToRevertFromHere() {
        feed.begin("laptop-ana (pid 4811)", "r1", "payment-pause", null, T0, null);
        feed.runner(new FollowFeed.Silence("laptop-ana", 4811, T0, Duration.ofSeconds(6), List.of(PAUSE), ""));
        assertThat(m.follow().revertable().get()).isFalse();
        assertThat(m.follow().silenceProperty().get()).endsWith("Its journal still holds 1 fault:");
    }

    @Test
    void aRunOfThisDesktopClearsTheBanner() {
        feed.begin("laptop-ana (pid 4811)", "r1", "payment-pause", null, T0, null);
        feed.runner(new FollowFeed.Silence("laptop-ana", 4811, T0, Duration.ofSeconds(6), List.of(PAUSE), ""));
        m.preparing("payment-latency-holds.yaml", T0.plusSeconds(60));
        assertThat(m.follow().silenceProperty().get()).isEmpty();
        assertThat(m.follow().held()).isEmpty();
    }
}
