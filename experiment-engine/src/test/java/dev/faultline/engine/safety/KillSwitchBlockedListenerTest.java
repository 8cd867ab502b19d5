package dev.faultline.engine.safety;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.run.RunHandle;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunListener;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedProbes;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill switch never waits for a listener: one stuck for 10 s in a call (an H2 insert, a slow
 * notifier) holds up neither {@code halt()} nor the first revert.
 *
 * <p>The bounds are about blocking, not speed. Unblocked, {@code halt()} takes tens of
 * microseconds and the first revert call starts within about a millisecond (two hand-offs between
 * threads); blocked, both take the listener's whole 10 s. So 1 ms and 10 ms leave a wide margin
 * either way. A miss of less than {@link #NOISE} is scheduling noise on a loaded machine (a
 * preempted thread, a GC pause), not blocking: that attempt is tried again on a fresh run, at most
 * {@link #ATTEMPTS} times; a longer miss fails at once.
 */
class KillSwitchBlockedListenerTest {
    private static final long HALT_RETURNS_WITHIN_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long FIRST_REVERT_WITHIN_NS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long NOISE = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int ATTEMPTS = 3;
    private static final Duration BLOCKED_FOR = Duration.ofSeconds(10);

    @TempDir
    Path home;

    private final SimulatedSystem system =
            new SimulatedSystem().metric("latency", 100).target("proxy/a");
    private final SimulatedBackend backend = new SimulatedBackend(system);
    private final AtomicLong firstRevertCall = new AtomicLong();
    private TestRig rig;

    @BeforeEach
    void wire() {
        rig = new TestRig(home, List.of(new SimulatedBackendProvider(backend)), List.of(new SimulatedProbes(system)));
        backend.onRevert(() -> firstRevertCall.compareAndSet(0, System.nanoTime()));
    }

    @AfterEach
    void unwire() {
        rig.close();
    }

    private static Experiment oneLongFault() {
        return experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .fault("a", 0, Duration.ofSeconds(30), "a")
                .build();
    }

    /** One press measured: how long halt() took to return and the first revert call to start, from the press. */
    private record Press(long haltNs, long firstRevertNs) {
        boolean withinBounds() {
            return haltNs < HALT_RETURNS_WITHIN_NS && firstRevertNs < FIRST_REVERT_WITHIN_NS;
        }

        boolean noiseOnly() {
            return haltNs < NOISE && firstRevertNs < NOISE;
        }

        @Override
        public String toString() {
            return "halt() returned after " + haltNs / 1_000 + " µs, first revert call started after "
                    + firstRevertNs / 1_000 + " µs";
        }
    }

    /** A listener that, once a fault is in, blocks in its call until released or for 10 s. */
    private interface Blocker {
        void arm(CountDownLatch blocking, CountDownLatch unblock);
    }

    @Test
    void aRunListenerBlockedInItsCallHoldsUpNeitherTheHaltNorTheFirstRevert() throws Exception {
        pressWhileBlocked((blocking, unblock) -> {}, (blocking, unblock) -> event -> {
            if (event instanceof RunEvent.FaultInjected) {
                blocking.countDown();
                awaitQuietly(unblock);
            }
        });
    }

    @Test
    void aKillSwitchListenerBlockedInItsCallHoldsUpNeitherTheHaltNorTheFirstRevert() throws Exception {
        pressWhileBlocked(
                (blocking, unblock) -> rig.killSwitch.addListener(new KillSwitchListener() {
                    @Override
                    public void engaged(HaltReason reason) {
                        awaitQuietly(unblock);
                    }
                }),
                (blocking, unblock) -> event -> {
                    if (event instanceof RunEvent.FaultInjected) {
                        blocking.countDown(); // the fault is in: the kill switch listener blocks on the press
                    }
                });
    }

    private interface RunListenerFactory {
        RunListener create(CountDownLatch blocking, CountDownLatch unblock);
    }

    private void pressWhileBlocked(Blocker killSwitchListener, RunListenerFactory runListener) throws Exception {
        // Warm-up: every class on the path loaded, nothing blocked.
        press(
                (blocking, unblock) -> event -> {
                    if (event instanceof RunEvent.FaultInjected) {
                        blocking.countDown();
                    }
                },
                (blocking, unblock) -> {});
        List<Press> presses = new ArrayList<>();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Press p = press(runListener, killSwitchListener);
            presses.add(p);
            if (p.withinBounds() || !p.noiseOnly()) {
                break;
            }
        }
        assertThat(presses)
                .as("presses with a listener blocked for %s s", BLOCKED_FOR.toSeconds())
                .anyMatch(Press::withinBounds);
    }

    private Press press(RunListenerFactory runListener, Blocker killSwitchListener) throws Exception {
        rig.killSwitch.release("next press");
        firstRevertCall.set(0);
        CountDownLatch blocking = new CountDownLatch(1);
        CountDownLatch unblock = new CountDownLatch(1);
        killSwitchListener.arm(blocking, unblock);
        RunHandle run =
                rig.runner.start(oneLongFault(), TestRig.environment(), List.of(runListener.create(blocking, unblock)));
        try {
            assertThat(blocking.await(10, TimeUnit.SECONDS))
                    .as("the fault went in")
                    .isTrue();

            long pressed = System.nanoTime();
            var report = rig.killSwitch.halt(HaltReason.killSwitch("blocked listener"));
            long returned = System.nanoTime();
            for (int i = 0; i < 300 && firstRevertCall.get() == 0; i++) {
                Thread.sleep(50); // at most 15 s: a blocked path starts reverting after the listener's 10 s
            }
            assertThat(firstRevertCall.get()).as("a revert call started").isNotZero();
            Press p = new Press(returned - pressed, firstRevertCall.get() - pressed);

            unblock.countDown();
            assertThat(report.get(20, TimeUnit.SECONDS).allConfirmedGone()).isTrue();
            assertThat(run.result().get(20, TimeUnit.SECONDS).outcome()).isEqualTo(RunOutcome.HALTED);
            assertThat(system.faultsInEffect()).isZero();
            return p;
        } finally {
            unblock.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch unblock) {
        try {
            unblock.await(BLOCKED_FOR.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
