package dev.faultline.engine.store;

import dev.faultline.engine.testkit.PostgresCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Team mode's figures on a throwaway PostgreSQL 15 with durable settings (fsync, synchronous
 * commit), each desktop a store of its own (its own connections), in one JVM so one clock times
 * both ends:
 *
 * <ol>
 *   <li>remote halt: a press on one store until the runner's watcher calls its kill switch's
 *       {@code halt()} (from there to the first revert call is {@code KillSwitchBenchmark.firstRevert});
 *   <li>follower lag: a sample added at the runner until a follower is handed it (20 probes, a sample
 *       each every 250 ms);
 *   <li>throughput: three runners adding 100,000 samples each at once, until all are written.
 * </ol>
 *
 * Run: {@code scripts/bench TeamModeBench [rounds]}.
 */
public final class TeamModeBench {
    private TeamModeBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        try (PostgresCluster cluster =
                PostgresCluster.start(List.of("fsync = on", "synchronous_commit = on", "full_page_writes = on"))) {
            PostgresCluster.TestDatabase db = cluster.newDatabase();
            Path dir = Files.createTempDirectory("team-bench");
            SharedStoreSettings settings = db.settings(dir.resolve("pw"));
            try (FaultlineStore runner = FaultlineStore.openShared(settings);
                    FaultlineStore other = FaultlineStore.openShared(settings);
                    FaultlineStore third = FaultlineStore.openShared(settings)) {
                remoteHalt(runner, other, rounds);
                followerLag(runner, other);
                throughput(runner, other, third);
            }
        }
    }

    private static void remoteHalt(FaultlineStore runner, FaultlineStore other, int rounds) throws Exception {
        AtomicReference<CompletableFuture<Long>> pressed = new AtomicReference<>(new CompletableFuture<>());
        AtomicReference<CompletableFuture<Void>> released = new AtomicReference<>(new CompletableFuture<>());
        SharedKillSwitch.Watcher w = new SharedKillSwitch.Watcher() {
            @Override
            public void pressed(SharedKillSwitch.Press p) {
                pressed.get().complete(System.nanoTime());
            }

            @Override
            public void released(String by, String reason) {
                released.get().complete(null);
            }
        };
        SharedKillSwitch remote = new SharedKillSwitch(other);
        List<Double> ms = new ArrayList<>();
        try (AutoCloseable watch = new SharedKillSwitch(runner).watch(w)) {
            for (int i = 0; i < rounds + 20; i++) {
                pressed.set(new CompletableFuture<>());
                released.set(new CompletableFuture<>());
                long t0 = System.nanoTime();
                remote.press("bench", "round " + i, Instant.now());
                long t1 = pressed.get().get(10, TimeUnit.SECONDS);
                remote.release("bench", "next round", Instant.now());
                released.get().get(10, TimeUnit.SECONDS);
                if (i >= 20) { // the first 20 warm up
                    ms.add((t1 - t0) / 1e6);
                }
            }
        }
        print("remote halt: press on another store -> the runner's halt() called", ms);
    }

    private static void followerLag(FaultlineStore runner, FaultlineStore follower) throws Exception {
        long exp = runner.saveExperiment("bench", "Bench", "t", "f".repeat(64));
        runner.createRun(new RunRecord("lag", exp, "bench", "sandbox", "RUNNING", Instant.now(), null, null));
        List<Double> ms = Collections.synchronizedList(new ArrayList<>());
        try (RunFollower f = RunFollower.follow(follower, "lag", c -> {
            if (c instanceof RunFollower.Samples(var samples)) {
                long now = System.currentTimeMillis();
                for (SampleRecord s : samples) {
                    ms.add((double) (now - s.at().toEpochMilli()));
                }
            }
        })) {
            Thread.sleep(500);
            for (int tick = 0; tick < 120; tick++) { // 30 s
                Instant at = Instant.now();
                for (int p = 0; p < 20; p++) {
                    runner.sampleWriter().add("lag", "probe-" + p, "INJECT", at, tick, null, true);
                }
                Thread.sleep(250);
            }
            Thread.sleep(1_000);
            runner.finishRun("lag", "HELD", Instant.now(), "done", "{}");
            f.awaitEnd(java.time.Duration.ofSeconds(10));
        }
        print("follower lag: sample added at the runner -> handed to a follower (20 probes every 250 ms)", ms);
    }

    private static void throughput(FaultlineStore... runners) throws Exception {
        int each = 100_000;
        for (int r = 0; r < runners.length; r++) {
            long exp = runners[r].saveExperiment("tp", "Tp", "t", "a".repeat(64));
            runners[r].createRun(new RunRecord("tp" + r, exp, "tp", "sandbox", "RUNNING", Instant.now(), null, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(runners.length);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int r = 0; r < runners.length; r++) {
            FaultlineStore s = runners[r];
            String run = "tp" + r;
            done.add(pool.submit(() -> {
                Instant base = Instant.now();
                for (int i = 0; i < each; i++) {
                    s.sampleWriter().add(run, "probe-" + (i % 20), "INJECT", base.plusMillis(i), i, null, true);
                }
                s.sampleWriter().flush();
                return null;
            }));
        }
        for (Future<?> d : done) {
            d.get(5, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        long dropped = 0;
        for (FaultlineStore s : runners) {
            dropped += s.sampleWriter().dropped();
        }
        System.out.printf(
                "throughput: %d runners x %,d samples written in %.2f s = %,.0f samples/s (dropped %d)%n",
                runners.length, each, seconds, runners.length * each / seconds, dropped);
    }

    private static void print(String what, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.printf(
                "%s: n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms%n",
                what, sorted.size(), at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
