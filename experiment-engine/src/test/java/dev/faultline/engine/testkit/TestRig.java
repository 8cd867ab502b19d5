package dev.faultline.engine.testkit;

import dev.faultline.engine.NamedThreads;
import dev.faultline.engine.env.Environment;
import dev.faultline.engine.plugins.PluginCatalog;
import dev.faultline.engine.run.ExperimentRunner;
import dev.faultline.engine.run.RunnerServices;
import dev.faultline.engine.safety.ActiveFaults;
import dev.faultline.engine.safety.BackendCalls;
import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.FaultReverter;
import dev.faultline.engine.safety.KillSwitch;
import dev.faultline.engine.safety.KillSwitchLatch;
import dev.faultline.engine.safety.ProcessOwner;
import dev.faultline.engine.safety.RevertPolicy;
import dev.faultline.engine.safety.Rollbacks;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.engine.spi.MetricSourceProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The engine wired in a temporary folder, as the app's composition root wires it. */
public final class TestRig implements AutoCloseable {
    public static final RevertPolicy FAST = new RevertPolicy(
            Duration.ofMillis(500), Duration.ofMillis(300), 2, Duration.ofMillis(20), Duration.ofSeconds(1));

    public final FaultJournal journal;
    public final ActiveFaults active = new ActiveFaults();
    public final KillSwitch killSwitch;
    public final Rollbacks rollbacks;
    public final FaultReverter reverter;
    public final ExperimentRunner runner;
    public final PluginCatalog plugins;
    public final RunnerServices services;
    private final ExecutorService calls = Executors.newCachedThreadPool(NamedThreads.factory("test-call-"));
    private final ExecutorService reverts = Executors.newCachedThreadPool(NamedThreads.factory("test-revert-"));
    private final ScheduledExecutorService watcher =
            Executors.newSingleThreadScheduledExecutor(NamedThreads.factory("test-watch-"));

    public TestRig(Path home, List<FaultBackendProvider> backends, List<MetricSourceProvider> probes) {
        this(home, backends, probes, FAST);
    }

    public TestRig(
            Path home, List<FaultBackendProvider> backends, List<MetricSourceProvider> probes, RevertPolicy policy) {
        Clock clock = Clock.systemUTC();
        plugins = new PluginCatalog(backends, probes);
        journal = new FaultJournal(home.resolve("journal/faults.jsonl"), ProcessOwner.current(), clock);
        BackendCalls backendCalls = new BackendCalls(calls);
        reverter = new FaultReverter(backendCalls, policy, clock);
        rollbacks = new Rollbacks(active, reverter, journal, reverts, policy);
        killSwitch = new KillSwitch(
                active, rollbacks, new KillSwitchLatch(home.resolve("killswitch.latch")), clock, watcher);
        services = new RunnerServices(plugins, journal, active, rollbacks, backendCalls, policy, killSwitch, clock);
        runner = new ExperimentRunner(services);
    }

    public static Environment environment() {
        return new Environment("test", false, false, Map.of());
    }

    @Override
    public void close() {
        runner.close();
        killSwitch.close();
        calls.shutdownNow();
        reverts.shutdownNow();
        watcher.shutdownNow();
    }
}
