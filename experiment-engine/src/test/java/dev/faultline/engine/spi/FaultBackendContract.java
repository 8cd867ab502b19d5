package dev.faultline.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.safety.ActiveFault;
import dev.faultline.engine.safety.ActiveFaults;
import dev.faultline.engine.safety.BackendCalls;
import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.FaultReverter;
import dev.faultline.engine.safety.JournalEntry;
import dev.faultline.engine.safety.KillSwitch;
import dev.faultline.engine.safety.KillSwitchLatch;
import dev.faultline.engine.safety.ProcessOwner;
import dev.faultline.engine.safety.RevertPolicy;
import dev.faultline.engine.safety.Rollbacks;
import dev.faultline.engine.spi.run.HaltReason;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every backend must do, checked against a live target. A backend's IT extends this and says
 * how to make the backend, a fault request against its target, and how to see the effect from
 * outside the backend (a delayed round trip, a stopped process).
 */
public abstract class FaultBackendContract {
    @TempDir
    protected Path contractHome;

    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "contract");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();

    /** The settings the backend under test is made from (they are journaled). */
    protected abstract BackendSettings settings();

    protected abstract FaultBackendProvider provider();

    /** A fault against a live target. */
    protected abstract FaultRequest request();

    /** Whether the fault's effect can be seen on the target, checked without the backend. */
    protected abstract boolean effectPresent(FaultHandle handle) throws Exception;

    /**
     * Whether the backend's {@link FaultReset#resetAll} covers this fault (a Toxiproxy reset removes
     * toxics, not paused processes). When true, the reset is checked too.
     */
    protected boolean resetRemovesTheFault() {
        return false;
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
        watcher.shutdownNow();
    }

    private FaultBackend backend() throws BackendException {
        return provider().create(settings());
    }

    @Test
    void injectThenRevertLeavesNothingBehind() throws Exception {
        try (FaultBackend b = backend()) {
            FaultHandle h = b.prepare(request());
            b.inject(request(), h);
            assertThat(effectPresent(h)).as("effect while injected").isTrue();
            b.revert(h);
            assertThat(effectPresent(h)).as("effect after revert").isFalse();
            if (b instanceof FaultVerification v) {
                assertThat(v.verifyGone(h).gone()).isTrue();
            }
        }
    }

    @Test
    void revertingTwiceOrWithoutInjectingIsSafe() throws Exception {
        try (FaultBackend b = backend()) {
            FaultHandle h = b.prepare(request());
            b.revert(h);
            b.inject(request(), h);
            b.revert(h);
            b.revert(h);
            assertThat(effectPresent(h)).isFalse();
        }
    }

    @Test
    void aNewBackendRevertsWithTheHandleAlone() throws Exception {
        FaultHandle h;
        try (FaultBackend first = backend()) {
            h = first.prepare(request());
            first.inject(request(), h);
        }
        assertThat(effectPresent(h)).isTrue();
        try (FaultBackend second = backend()) {
            second.revert(h);
        }
        assertThat(effectPresent(h)).isFalse();
    }

    @Test
    void aResetRemovesTheFaultAndCanBeRepeated() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                resetRemovesTheFault(), "this backend's reset does not cover the fault");
        try (FaultBackend b = backend()) {
            assertThat(b).isInstanceOf(FaultReset.class);
            FaultHandle h = b.prepare(request());
            b.inject(request(), h);
            assertThat(effectPresent(h)).isTrue();
            ((FaultReset) b).resetAll();
            ((FaultReset) b).resetAll();
            assertThat(effectPresent(h)).isFalse();
            b.revert(h);
        }
    }

    @Test
    void haltDuringInjectionRevertsTheFault() throws Exception {
        RevertPolicy policy = new RevertPolicy(
                Duration.ofSeconds(2), Duration.ofSeconds(3), 2, Duration.ofMillis(50), Duration.ofSeconds(3));
        Clock clock = Clock.systemUTC();
        FaultJournal journal = new FaultJournal(contractHome.resolve("faults.jsonl"), ProcessOwner.current(), clock);
        ActiveFaults active = new ActiveFaults();
        Rollbacks rollbacks = new Rollbacks(
                active, new FaultReverter(new BackendCalls(threads), policy, clock), journal, threads, policy);
        try (FaultBackend b = backend();
                KillSwitch killSwitch = new KillSwitch(
                        active, rollbacks, new KillSwitchLatch(contractHome.resolve("latch")), clock, watcher)) {
            FaultHandle h = b.prepare(request());
            JournalEntry entry = journal.recordIntent("contract", "step", settings(), h);
            ActiveFault fault = new ActiveFault(entry.id(), "contract", "step", b, h, clock.instant());
            active.register(fault);
            var injecting = threads.submit(() -> {
                try {
                    b.inject(request(), h);
                } finally {
                    fault.injectCall().complete(null);
                }
                return null;
            });
            var report = killSwitch.halt(HaltReason.killSwitch("contract"));
            injecting.get(10, TimeUnit.SECONDS);
            report.get(20, TimeUnit.SECONDS);
            if (fault.isRevoked()) {
                rollbacks.revertAgain(fault, clock.instant());
            }
            assertThat(effectPresent(h)).isFalse();
            assertThat(journal.openFaults()).isEmpty();
        }
    }
}
