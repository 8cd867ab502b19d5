package dev.faultline.plugin.local.bench;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.safety.ActiveFault;
import dev.faultline.engine.safety.ActiveFaults;
import dev.faultline.engine.safety.BackendCalls;
import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.FaultReverter;
import dev.faultline.engine.spi.run.HaltReason;
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
import dev.faultline.plugin.local.LocalBackendProvider;
import dev.faultline.plugin.local.proxy.ChaosProxyServer;
import dev.faultline.plugin.local.proxy.EchoServer;
import dev.faultline.plugin.local.proxy.ProxyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
 * time from {@code halt()} until every fault is reverted <b>and confirmed gone</b> (the report is
 * complete). Target: p99 under 100 ms for 100. Run: {@code scripts/bench KillSwitchBenchmark}.
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

    @Setup(Level.Trial)
    public void start() throws Exception {
        echo = new EchoServer();
        proxy = ChaosProxyServer.start("127.0.0.1", 0, List.of(new ProxyConfig("payments", "127.0.0.1:0",
                "127.0.0.1:" + echo.port(), true)));
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
        Rollbacks rollbacks = new Rollbacks(active, new FaultReverter(new BackendCalls(threads), policy, clock), journal,
                threads, policy);
        killSwitch = new KillSwitch(active, rollbacks, new KillSwitchLatch(home.resolve("latch")), clock, watcher);
        settings = new BackendSettings("local", Params.of("proxyApi", proxy.apiUrl()));
        backend = new LocalBackendProvider().create(settings);
    }

    @Setup(Level.Invocation)
    public void inject() throws Exception {
        killSwitch.release("next round");
        round++;
        for (int i = 0; i < faults; i++) {
            FaultRequest r = new FaultRequest("bench" + round, "f" + i, new ProxyFault.Latency(Duration.ofMillis(100),
                    Duration.ZERO), new Target("proxy", Params.of("name", "payments")), 1.0, Duration.ofMinutes(1));
            FaultHandle h = backend.prepare(r);
            JournalEntry e = journal.recordIntent(r.runId(), r.step(), settings, h);
            ActiveFault f = new ActiveFault(e.id(), r.runId(), r.step(), backend, h, Clock.systemUTC().instant());
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

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        killSwitch.close();
        proxy.close();
        echo.close();
        threads.shutdownNow();
        watcher.shutdownNow();
    }
}
