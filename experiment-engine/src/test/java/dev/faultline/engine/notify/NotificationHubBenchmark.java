package dev.faultline.engine.notify;

import dev.faultline.engine.spi.Notifier;
import dev.faultline.engine.spi.run.GameDayEvent;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What handing an event to the notifiers costs the run's thread: {@code NotificationHub.onEvent} with
 * a notifier that keeps up ({@code fast}) and one that is stuck, as with Slack hanging ({@code stuck}:
 * its queue is full and every offer is refused). Target: under 50 µs. Run:
 * {@code scripts/bench NotificationHubBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class NotificationHubBenchmark {
    @Param({"fast", "stuck"})
    String notifier;

    private NotificationHub hub;
    private final RunEvent event = new RunEvent.PhaseChanged("run", Instant.now(), RunPhase.BASELINE, RunPhase.INJECT);
    private volatile boolean release;

    @Setup(Level.Trial)
    public void setUp() {
        AtomicLong seen = new AtomicLong();
        boolean stuck = notifier.equals("stuck");
        Notifier n = new Notifier() {
            public String id() {
                return "bench";
            }

            public void onGameDayEvent(GameDayEvent e) {
                seen.incrementAndGet();
            }

            public void onRunEvent(RunEvent e) {
                while (stuck && !release) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
                seen.incrementAndGet();
            }

            public void close() {}
        };
        hub = new NotificationHub(List.of(n), u -> {}, Clock.systemUTC(), Duration.ofMillis(100));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        release = true;
        hub.close();
    }

    @Benchmark
    public void enqueue() {
        hub.onEvent(event);
    }
}
