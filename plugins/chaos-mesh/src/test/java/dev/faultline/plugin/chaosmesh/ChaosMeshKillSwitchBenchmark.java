package dev.faultline.plugin.chaosmesh;

import dev.faultline.engine.model.NetworkFault;
import dev.faultline.engine.safety.ActiveFault;
import dev.faultline.engine.safety.ActiveFaults;
import dev.faultline.engine.safety.BackendCalls;
import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.FaultReverter;
import dev.faultline.engine.safety.HaltReport;
import dev.faultline.engine.safety.JournalEntry;
import dev.faultline.engine.safety.KillSwitch;
import dev.faultline.engine.safety.KillSwitchLatch;
import dev.faultline.engine.safety.ProcessOwner;
import dev.faultline.engine.safety.RevertPolicy;
import dev.faultline.engine.safety.Rollbacks;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.engine.spi.run.HaltReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The kill switch with 50 active Chaos Mesh resources (NetworkChaos) on fabric8's mock API server:
 * time from {@code halt()} until the server has received all 50 DELETE requests. Target: under
 * 100 ms. Run: {@code scripts/bench ChaosMeshKillSwitchBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 30)
@Fork(1)
public class ChaosMeshKillSwitchBenchmark {
    static final int FAULTS = 50;
    private ChaosMeshFixture fixture;
    private ExecutorService threads;
    private ScheduledExecutorService watcher;
    private FaultJournal journal;
    private ActiveFaults active;
    private KillSwitch killSwitch;
    private FaultBackend backend;
    private BackendSettings settings;
    private CompletableFuture<HaltReport> report;
    private int round;
    private int deletesBefore;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path home = Files.createTempDirectory("faultline-bench");
        fixture = new ChaosMeshFixture(home, true);
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-revert");
            t.setDaemon(true);
            return t;
        });
        watcher = Executors.newSingleThreadScheduledExecutor();
        Clock clock = Clock.systemUTC();
        journal = new FaultJournal(home.resolve("faults.jsonl"), ProcessOwner.current(), clock);
        active = new ActiveFaults();
        RevertPolicy policy = RevertPolicy.DEFAULT;
        Rollbacks rollbacks = new Rollbacks(
                active, new FaultReverter(new BackendCalls(threads), policy, clock), journal, threads, policy);
        killSwitch = new KillSwitch(active, rollbacks, new KillSwitchLatch(home.resolve("latch")), clock, watcher);
        settings = fixture.settings();
        backend = new ChaosMeshBackendProvider().create(settings);
    }

    @Setup(Level.Invocation)
    public void inject() throws Exception {
        killSwitch.release("next round");
        round++;
        for (int i = 0; i < FAULTS; i++) {
            FaultRequest r = FaultRequest.atShare(
                    "bench" + round,
                    "f" + i,
                    new NetworkFault.PacketLoss(0.1, 0),
                    ChaosMeshFixture.PAYMENT,
                    1.0,
                    Duration.ofMinutes(1));
            FaultHandle h = backend.prepare(r);
            JournalEntry e = journal.recordIntent(r.runId(), r.step(), settings, h);
            ActiveFault f = new ActiveFault(
                    e.id(), r.runId(), r.step(), backend, h, Clock.systemUTC().instant());
            active.register(f);
            backend.inject(r, h);
            f.injectCall().complete(null);
        }
        deletesBefore = fixture.cluster.deleteRequests();
    }

    /** Returns once the mock server has received every DELETE (bounded: 10 s). */
    @Benchmark
    public int halt() throws Exception {
        report = killSwitch.halt(HaltReason.killSwitch("bench"));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int seen;
        while ((seen = fixture.cluster.deleteRequests() - deletesBefore) < FAULTS) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("only " + seen + " of " + FAULTS + " deletes within 10 s");
            }
            Thread.onSpinWait();
        }
        return seen;
    }

    @TearDown(Level.Invocation)
    public void confirm() throws Exception {
        HaltReport r = report.get(30, TimeUnit.SECONDS);
        if (r.outcomes().size() != FAULTS || !r.allConfirmedGone()) {
            throw new IllegalStateException("not every fault was confirmed gone: " + r.needingAttention());
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        killSwitch.close();
        backend.close();
        fixture.close();
        threads.shutdownNow();
        watcher.shutdownNow();
    }
}
