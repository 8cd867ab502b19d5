package dev.faultline.engine.notify;

import dev.faultline.engine.gameday.GameDayListener;
import dev.faultline.engine.spi.Notifier;
import dev.faultline.engine.spi.Undelivered;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Passes GameDay and run events on to every notifier, each through its own bounded queue and named
 * thread ({@code faultline-notify-slack}). On a run's thread this costs one non-blocking
 * {@code offer} per notifier (docs/benchmarks.md: NotificationHubBenchmark). Probe samples are not
 * passed on.
 */
public final class NotificationHub implements RunListener, GameDayListener, AutoCloseable {
    public static final int CAPACITY = 1024;

    private final List<NotifierQueue> queues;
    private final Duration closeWait;

    public NotificationHub(List<Notifier> notifiers, Undelivered.Sink undelivered, Clock clock, Duration closeWait) {
        this.queues = notifiers.stream()
                .map(n -> new NotifierQueue(n, CAPACITY, undelivered, clock))
                .toList();
        this.closeWait = closeWait;
    }

    public boolean isEmpty() {
        return queues.isEmpty();
    }

    @Override
    public void onEvent(RunEvent event) {
        if (event instanceof RunEvent.ProbeSampled) {
            return;
        }
        for (NotifierQueue q : queues) {
            q.offer(event);
        }
    }

    @Override
    public void onGameDayEvent(GameDayEvent event) {
        for (NotifierQueue q : queues) {
            q.offer(event);
        }
    }

    /** Events dropped so far because a queue was full (reported as undelivered too). */
    public long dropped() {
        return queues.stream().mapToLong(NotifierQueue::dropped).sum();
    }

    /** Waits (bounded) for the queued messages to go out, then closes every notifier. */
    @Override
    public void close() {
        queues.forEach(q -> q.close(closeWait));
    }
}
