package dev.faultline.app;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Timing;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.spi.MetricSource;
import dev.faultline.engine.spi.MetricSourceProvider;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.SharedKillSwitch;
import dev.faultline.engine.store.SharedStoreSettings;
import dev.faultline.engine.testkit.ExperimentBuilder;
import dev.faultline.engine.testkit.PostgresCluster;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Team mode's remote halt, end to end at the runner: a HALT pressed on another desktop's store (a
 * store of its own, its own connections) until the first revert call of the runner's fault reaches
 * its backend: through PostgreSQL's NOTIFY, the runner's team watch ({@link TeamKillSwitch}), its
 * own kill switch's sweep and the revert. A run with a 30 s fault is under way in each round;
 * between rounds the team's switch is released (which releases the runner's). A throwaway
 * PostgreSQL 15 with durable settings. Target: under 500 ms. Run: {@code scripts/bench TeamHaltBench [rounds]}.
 */
public final class TeamHaltBench {
    private TeamHaltBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        SimulatedSystem system = new SimulatedSystem().metric("errors", 0).target("proxy/payments");
        AtomicLong firstRevertAt = new AtomicLong();
        SimulatedBackend backend =
                new SimulatedBackend(system).onRevert(() -> firstRevertAt.compareAndSet(0, System.nanoTime()));
        MetricSourceProvider probes = new MetricSourceProvider() {
            @Override
            public String type() {
                return "simulated";
            }

            @Override
            public List<String> validate(Params p) {
                return List.of();
            }

            @Override
            public MetricSource open(Probe probe) {
                return () -> system.read("errors");
            }
        };
        List<Double> millis = new ArrayList<>();
        try (PostgresCluster cluster = PostgresCluster.start(
                        List.of("fsync = on", "synchronous_commit = on", "full_page_writes = on"));
                TestRig rig = new TestRig(
                        Files.createTempDirectory("faultline-bench"),
                        List.of(new SimulatedBackendProvider(backend)),
                        List.of(probes))) {
            Path dir = Files.createTempDirectory("team-halt-bench");
            SharedStoreSettings settings = cluster.newDatabase().settings(dir.resolve("pw"));
            try (FaultlineStore runnerStore = FaultlineStore.openShared(settings);
                    FaultlineStore otherDesktop = FaultlineStore.openShared(settings);
                    AutoCloseable watch = TeamKillSwitch.watch(runnerStore, rig.killSwitch)) {
                SharedKillSwitch remote = new SharedKillSwitch(otherDesktop);
                for (int i = 0; i < rounds + 10; i++) {
                    firstRevertAt.set(0);
                    AtomicReference<CompletableFuture<Void>> injected =
                            new AtomicReference<>(new CompletableFuture<>());
                    var run = rig.runner.start(
                            ExperimentBuilder.experiment()
                                    .probe(ExperimentBuilder.probe(
                                            "errors", "errors", new Tolerance.Threshold(Tolerance.Op.LT, 10)))
                                    .timing(new Timing(Duration.ZERO, Duration.ofMillis(50), 1, Duration.ZERO, 1))
                                    .fault("err", 0, Duration.ofSeconds(30), "payments")
                                    .build(),
                            TestRig.environment(),
                            List.of(e -> {
                                if (e instanceof RunEvent.FaultInjected) {
                                    injected.get().complete(null);
                                }
                            }));
                    injected.get().get(30, TimeUnit.SECONDS);
                    long t0 = System.nanoTime();
                    remote.press("bench", "round " + i, Instant.now());
                    RunResult r = run.result().get(30, TimeUnit.SECONDS);
                    if (r.outcome() != RunOutcome.HALTED || firstRevertAt.get() == 0) {
                        throw new IllegalStateException("round " + i + " did not halt: " + r.summary());
                    }
                    if (i >= 10) { // the first 10 warm up
                        millis.add((firstRevertAt.get() - t0) / 1e6);
                    }
                    remote.release("bench", "next round", Instant.now());
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (rig.killSwitch.isEngaged() && System.nanoTime() < until) {
                        Thread.sleep(5);
                    }
                    if (rig.killSwitch.isEngaged()) {
                        throw new IllegalStateException("the team's release did not reach the runner in round " + i);
                    }
                }
            }
        }
        Collections.sort(millis);
        int n = millis.size();
        System.out.printf(
                "remote halt -> first revert at the runner over %d rounds: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                n, millis.get(n / 2), millis.get((int) Math.ceil(n * 0.99) - 1), millis.get(n - 1));
    }
}
