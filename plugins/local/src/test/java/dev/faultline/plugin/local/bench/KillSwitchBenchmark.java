package dev.faultline.plugin.local.bench;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Target;
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
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.engine.spi.FaultReset;
import dev.faultline.engine.spi.FaultVerification;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.plugin.local.LocalBackend;
import dev.faultline.plugin.local.LocalBackendProvider;
import dev.faultline.plugin.local.proxy.ChaosProxyServer;
import dev.faultline.plugin.local.proxy.EchoServer;
import dev.faultline.plugin.local.proxy.ProxyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The kill switch with 1, 10 and 100 active local faults (latency toxics on a real chaos proxy):
 * {@link #halt} times {@code halt()} until every fault is reverted <b>and confirmed gone</b> (the
 * report is complete; target: p99 under 100 ms for 100); {@link #firstRevert} times {@code halt()}
 * until the first revert call reaches the backend (the rest of that round's report is awaited
 * before the next round, outside the measurement). Run: {@code scripts/bench KillSwitchBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class KillSwitchBenchmark {
    @Param({"1", "10", "100"})
    public int faults;

    private EchoServer echo;
    private ChaosProxyServer proxy;
    private ExecutorService threads;
    private ScheduledExecutorService watcher;
    private FaultJournal journal;
    private ActiveFaults active;
    private KillSwitch killSwitch;
    private FaultBackend backend;
    private BackendSettings settings;
    private int round;
    private volatile CompletableFuture<Void> firstRevertCall = new CompletableFuture<>();
    private CompletableFuture<HaltReport> lastReport = CompletableFuture.completedFuture(null);

    @Setup(Level.Trial)
    public void start() throws Exception {
        echo = new EchoServer();
        proxy = ChaosProxyServer.start(
                "127.0.0.1", 0, List.of(new ProxyConfig("payments", "127.0.0.1:0", "127.0.0.1:" + echo.port(), true)));
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-revert");
            t.setDaemon(true);
            return t;
        });
        watcher = Executors.newSingleThreadScheduledExecutor();
        Path home = Files.createTempDirectory("faultline-bench");
        Clock clock = Clock.systemUTC();
        journal = new FaultJournal(home.resolve("faults.jsonl"), ProcessOwner.current(), clock);
        active = new ActiveFaults();
        RevertPolicy policy = RevertPolicy.DEFAULT;
        Rollbacks rollbacks = new Rollbacks(
                active, new FaultReverter(new BackendCalls(threads), policy, clock), journal, threads, policy);
        killSwitch = new KillSwitch(active, rollbacks, new KillSwitchLatch(home.resolve("latch")), clock, watcher);
        settings = new BackendSettings("local", Params.of("proxyApi", proxy.apiUrl()));
        backend = new FirstRevertTimed((LocalBackend) new LocalBackendProvider().create(settings));
    }

    @Setup(Level.Invocation)
    public void inject() throws Exception {
        lastReport.get(30, TimeUnit.SECONDS);
        killSwitch.release("next round");
        firstRevertCall = new CompletableFuture<>();
        round++;
        for (int i = 0; i < faults; i++) {
            FaultRequest r = FaultRequest.atShare(
                    "bench" + round,
                    "f" + i,
                    new ProxyFault.Latency(Duration.ofMillis(100), Duration.ZERO),
                    new Target("proxy", Params.of("name", "payments")),
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
    }

    @Benchmark
    public HaltReport halt() throws Exception {
        HaltReport report = killSwitch.halt(HaltReason.killSwitch("bench")).get(30, TimeUnit.SECONDS);
        if (report.outcomes().size() != faults || !report.allConfirmedGone()) {
            throw new IllegalStateException("not every fault was confirmed gone: " + report.needingAttention());
        }
        return report;
    }

    @Benchmark
    public void firstRevert() throws Exception {
        lastReport = killSwitch.halt(HaltReason.killSwitch("bench"));
        firstRevertCall.get(30, TimeUnit.SECONDS);
    }

    /** The local backend, noting when the first revert call of a round reaches it. */
    private final class FirstRevertTimed implements FaultBackend, FaultVerification, FaultReset {
        private final LocalBackend local;

        FirstRevertTimed(LocalBackend local) {
            this.local = local;
        }

        @Override
        public void revert(FaultHandle handle) throws BackendException {
            firstRevertCall.complete(null);
            local.revert(handle);
        }

        @Override
        public String id() {
            return local.id();
        }

        @Override
        public FaultHandle prepare(FaultRequest request) throws BackendException {
            return local.prepare(request);
        }

        @Override
        public void inject(FaultRequest request, FaultHandle handle) throws BackendException {
            local.inject(request, handle);
        }

        @Override
        public String manualCleanup(FaultHandle handle) {
            return local.manualCleanup(handle);
        }

        @Override
        public Verification verifyGone(FaultHandle handle) throws BackendException {
            return local.verifyGone(handle);
        }

        @Override
        public String resetAll() throws BackendException {
            return local.resetAll();
        }

        @Override
        public void close() {
            local.close();
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        lastReport.get(30, TimeUnit.SECONDS);
        killSwitch.close();
        proxy.close();
        echo.close();
        threads.shutdownNow();
        watcher.shutdownNow();
    }
}
