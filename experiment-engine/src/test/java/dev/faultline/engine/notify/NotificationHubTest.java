package dev.faultline.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.spi.Notifier;
import dev.faultline.engine.spi.Undelivered;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.ProbeSample;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NotificationHubTest {
    private final List<Undelivered> undelivered = new CopyOnWriteArrayList<>();

    static final class Recording implements Notifier {
        final List<Object> got = new CopyOnWriteArrayList<>();
        final CountDownLatch release;
        final List<String> threads = new CopyOnWriteArrayList<>();

        Recording(CountDownLatch release) {
            this.release = release;
        }

        public String id() {
            return "rec";
        }

        public void onGameDayEvent(GameDayEvent event) {
            got.add(event);
        }

        public void onRunEvent(RunEvent event) {
            threads.add(Thread.currentThread().getName());
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            got.add(event);
        }

        public void close() {}
    }

    private static RunEvent phase(int i) {
        return new RunEvent.PhaseChanged("r" + i, Instant.now(), RunPhase.BASELINE, RunPhase.INJECT);
    }

    @Test
    void eventsReachTheNotifierOnItsOwnNamedThreadInOrderWithoutSamples() throws Exception {
        Recording n = new Recording(new CountDownLatch(0));
        try (NotificationHub hub =
                new NotificationHub(List.of(n), undelivered::add, Clock.systemUTC(), Duration.ofSeconds(5))) {
            hub.onEvent(phase(1));
            hub.onEvent(new RunEvent.ProbeSampled(
                    "r", Instant.now(), new ProbeSample("p", RunPhase.INJECT, Instant.now(), 1, null, true)));
            hub.onEvent(phase(2));
        }
        assertThat(n.got).extracting(e -> ((RunEvent) e).runId()).containsExactly("r1", "r2");
        assertThat(n.threads).containsOnly("faultline-notify-rec");
        assertThat(undelivered).isEmpty();
    }

    @Test
    void aNotifierThatHangsNeitherBlocksTheCallerNorLosesTrackOfWhatWasNotSent() {
        CountDownLatch never = new CountDownLatch(1);
        Recording n = new Recording(never);
        NotificationHub hub =
                new NotificationHub(List.of(n), undelivered::add, Clock.systemUTC(), Duration.ofMillis(200));
        hub.onEvent(phase(0));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (n.threads.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(n.threads)
                .as("the notifier has taken the first event and hangs on it")
                .hasSize(1);
        long start = System.nanoTime();
        for (int i = 1; i <= NotificationHub.CAPACITY + 500; i++) {
            hub.onEvent(phase(i));
        }
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(tookMs).as("enqueueing never waits for the notifier").isLessThan(5_000);
        assertThat(hub.dropped()).isEqualTo(500);
        hub.close();
        assertThat(undelivered).anySatisfy(u -> assertThat(u.message()).contains("500 event(s) not passed on"));
        assertThat(undelivered)
                .anySatisfy(u -> assertThat(u.message()).contains(NotificationHub.CAPACITY + " event(s) still queued"));
    }
}
