package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.view.live.LiveRunViewModel;
import dev.faultline.app.view.live.RunFollowing;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.plugins.PluginCatalog;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.store.EventRecord;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.SampleRecord;
import dev.faultline.engine.store.StoreSettingsFile;
import dev.faultline.engine.store.TeamRuns;
import dev.faultline.engine.testkit.PostgresCluster;
import dev.faultline.engine.testkit.PostgresCluster.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team mode when the shared store goes away during a run: a real PostgreSQL stopped and started
 * again while a real runner process runs. The run goes on, what it recorded meanwhile reaches the
 * store once it is back (every event, the samples taken while it was away, the end), and a
 * follower sees that it is behind, then catches up. The runner runs on the fork's sandbox ({@link
 * ForkSandbox}).
 */
@ForkSandbox.Shared
class TeamOutageIT {
    @TempDir
    Path runnerHome;

    @TempDir
    Path followerHome;

    @TempDir
    Path work;

    @Test
    void theRunGoesOnWhileTheStoreIsAwayAndNothingItRecordedIsLost() throws Exception {
        try (PostgresCluster cluster = PostgresCluster.start()) {
            TestDatabase db = cluster.newDatabase();
            for (Path home : List.of(runnerHome, followerHome)) {
                StoreSettingsFile.of(new FaultlineHome(home)).write(db.settings(work.resolve("pw")));
            }
            Path runbook = Cli.shortenedRunbook(work, "payment-pause-recovers.yaml", "duration: 5s", "duration: 25s");
            ForkSandbox.get();
            LiveRunViewModel live = new LiveRunViewModel(ZoneId.of("UTC"));
            Executor fx = r -> {
                synchronized (live) {
                    r.run();
                }
            };
            try (ChildFaultline runner = ChildFaultline.start(
                            runnerHome,
                            Map.of(
                                    "FAULTLINE_RUNTIME_DIR",
                                    work.resolve("runner-desk").toString()),
                            "run",
                            runbook.toString());
                    FaultlineStore store = FaultlineStore.open(new FaultlineHome(followerHome));
                    RunFollowing following = new RunFollowing(
                            () -> store,
                            new RunbookLoader(PluginCatalog.load(getClass().getClassLoader())
                                    .probeTypes()),
                            live,
                            fx,
                            Clock.systemUTC())) {
                assertThat(runner.awaitOutput("injected process", Duration.ofSeconds(90)))
                        .as("%s", runner.output())
                        .isTrue();
                assertThat(runner.output()).contains("using the sandbox that is already running");
                AtomicReference<TeamRuns.UnderWay> run = new AtomicReference<>();
                assertThat(Eventually.holds(Duration.ofSeconds(30), Duration.ofMillis(200), () -> {
                            List<TeamRuns.UnderWay> found = new TeamRuns(store).underWay();
                            if (!found.isEmpty()) {
                                run.set(found.get(0));
                            }
                            return run.get() != null;
                        }))
                        .isTrue();
                String runId = run.get().runId();
                following.follow(run.get());
                assertThat(Eventually.holds(Duration.ofSeconds(30), Duration.ofMillis(100), () -> {
                            synchronized (live) {
                                return live.phaseProperty().get().startsWith("INJECT");
                            }
                        }))
                        .isTrue();

                Instant down = Instant.now();
                cluster.pgCtl("-m", "fast", "-w", "-t", "30", "stop");
                assertThat(Eventually.holds(Duration.ofSeconds(20), Duration.ofMillis(100), () -> {
                            synchronized (live) {
                                return !live.behindProperty().get().isEmpty();
                            }
                        }))
                        .as("the follower sees that it is behind")
                        .isTrue();
                assertThat(runner.process.isAlive()).as("the run goes on").isTrue();
                Thread.sleep(2_000); // a few more samples while the store is away
                Instant up = Instant.now();
                cluster.pgCtl(
                        "-o",
                        "-p " + cluster.port(),
                        "-l",
                        cluster.dir().resolve("log").toString(),
                        "-w",
                        "-t",
                        "30",
                        "start");

                assertThat(runner.process.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(runner.output()).contains("confirmed gone").doesNotContain("no longer recorded");
                assertThat(Eventually.holds(Duration.ofSeconds(30), Duration.ofMillis(200), () -> {
                            try {
                                return !store.findRun(runId)
                                        .orElseThrow()
                                        .status()
                                        .equals("RUNNING");
                            } catch (Exception e) {
                                return false; // the follower's own connection is made again on the next call
                            }
                        }))
                        .as("the run's end reached the store")
                        .isTrue();

                List<EventRecord> events = store.events(runId);
                assertThat(events)
                        .extracting(EventRecord::seq)
                        .as("every event, in order, none missing")
                        .containsExactlyElementsOf(
                                LongStream.rangeClosed(1, events.size()).boxed().toList());
                assertThat(events)
                        .extracting(EventRecord::type)
                        .contains("run-started", "fault-injected", "fault-reverted", "run-finished");
                List<Instant> ratio = new ArrayList<>();
                for (SampleRecord s : store.samples(runId)) {
                    if (s.probe().equals(events.isEmpty() ? "" : firstProbe(store, runId))) {
                        ratio.add(s.at());
                    }
                }
                assertThat(ratio)
                        .as("samples taken while the store was away")
                        .anyMatch(t -> t.isAfter(down) && t.isBefore(up));
                for (int i = 1; i < ratio.size(); i++) {
                    assertThat(Duration.between(ratio.get(i - 1), ratio.get(i)))
                            .as("no gap in the samples around %s", ratio.get(i))
                            .isLessThan(Duration.ofSeconds(4));
                }
                assertThat(Eventually.holds(Duration.ofSeconds(30), Duration.ofMillis(100), () -> {
                            synchronized (live) {
                                return !live.runningProperty().get()
                                        && live.behindProperty().get().isEmpty();
                            }
                        }))
                        .as("the follower caught up with the end")
                        .isTrue();
            }
        }
    }

    private static String firstProbe(FaultlineStore store, String runId) throws Exception {
        return store.samples(runId).get(0).probe();
    }
}
