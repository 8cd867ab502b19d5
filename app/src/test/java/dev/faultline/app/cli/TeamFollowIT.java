package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.view.common.Work;
import dev.faultline.app.view.home.UnderWayModel;
import dev.faultline.app.view.live.LiveRunViewModel;
import dev.faultline.app.view.live.RunFollowing;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.plugins.PluginCatalog;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.SharedKillSwitch;
import dev.faultline.engine.store.StoreSettingsFile;
import dev.faultline.engine.store.TeamRuns;
import dev.faultline.engine.testkit.PostgresCluster;
import dev.faultline.engine.testkit.PostgresCluster.TestDatabase;
import dev.faultline.engine.testkit.ThrowawayPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team mode in the app, with a real PostgreSQL and a real runner process (another "desktop": a
 * halt socket folder of its own, so only the shared store reaches it): Home lists its run, the live
 * view follows it (phase, charts, notes from a third desktop), {@code faultline halt} on the
 * follower's desktop presses the team's switch and the runner reverts; {@code faultline release}
 * releases it. And with the store stopped, a desktop's own halt still reverts its faults. The runner
 * runs on the fork's sandbox ({@link ForkSandbox}): a frozen payment process a failed test leaves
 * is found by the next class that shares it, which starts a whole one.
 */
@ExtendWith(ThrowawayPostgres.class)
@ForkSandbox.Shared
class TeamFollowIT {
    private static final Work IN_PLACE = new Work() {
        @Override
        public <T> void run(String name, Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
            try {
                onDone.accept(work.call());
            } catch (Exception e) {
                onError.accept(e);
            }
        }
    };

    @TempDir
    Path runnerHome;

    @TempDir
    Path followerHome;

    @TempDir
    Path work;

    @Test
    void theAppFollowsAnotherDesktopsRunLiveAndAHaltOnTheFollowersDesktopRevertsTheRunnersFault(TestDatabase db)
            throws Exception {
        for (Path home : List.of(runnerHome, followerHome)) {
            StoreSettingsFile.of(new FaultlineHome(home)).write(db.settings(work.resolve("pw")));
        }
        Path runbook = Cli.shortenedRunbook(work, "payment-pause-recovers.yaml", "duration: 5s", "duration: 25s");
        Map<String, String> runnerDesk = desk("runner-desk");
        Map<String, String> followerDesk = desk("follower-desk");
        long payment = ForkSandbox.pid("sandbox-payment");
        LiveRunViewModel live = new LiveRunViewModel(ZoneId.of("UTC"));
        Executor fx = r -> {
            synchronized (live) {
                r.run();
            }
        };
        try {
            try (ChildFaultline runner = ChildFaultline.start(runnerHome, runnerDesk, "run", runbook.toString());
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

                // Home: the run under way on the other desktop
                UnderWayModel home = new UnderWayModel(ZoneId.of("UTC"), () -> store, IN_PLACE);
                assertThat(Eventually.holds(Duration.ofSeconds(30), Duration.ofMillis(200), () -> {
                            home.refresh();
                            return !home.runs().isEmpty();
                        }))
                        .isTrue();
                assertThat(home.sharedProperty().get()).isTrue();
                TeamRuns.UnderWay run = home.runs().get(0);
                assertThat(home.line(run))
                        .startsWith("payment-pause-recovers on ")
                        .contains("(pid ");

                // the live view follows it
                following.follow(run);
                assertThat(Eventually.holds(Duration.ofSeconds(30), Duration.ofMillis(100), () -> {
                            synchronized (live) {
                                return live.followingProperty().get().startsWith("Following " + run.runner())
                                        && live.phaseProperty().get().startsWith("INJECT")
                                        && live.tracks().stream()
                                                .anyMatch(t -> t.series().size() > 2)
                                        && live.log().stream().anyMatch(l -> l.contains("injected process"));
                            }
                        }))
                        .as("%s", snapshot(live))
                        .isTrue();

                // a note from a third desktop, with its author
                Cli note = Cli.run(followerHome, "note", run.runId(), "checkout", "errors", "climb", "--author", "Zoë");
                assertThat(note.exit()).as(note.err()).isZero();
                assertThat(Eventually.holds(Duration.ofSeconds(10), Duration.ofMillis(100), () -> {
                            synchronized (live) {
                                return live.log().stream()
                                        .anyMatch(l -> l.endsWith("note (Zoë): checkout errors climb"));
                            }
                        }))
                        .as("%s", snapshot(live))
                        .isTrue();

                // faultline halt on the follower's desktop: its own switch, and the team's
                try (ChildFaultline halt = ChildFaultline.start(
                        followerHome, followerDesk, "halt", "--reason", "checkout is down", "--wait", "5s")) {
                    assertThat(halt.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                    assertThat(halt.output()).contains("KILL SWITCH ENGAGED").contains("TEAM KILL SWITCH ENGAGED too");
                }
                assertThat(runner.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(runner.output())
                        .contains("HALTED")
                        .contains("from the team's store: checkout is down")
                        .contains("confirmed gone");
                assertThat(state(payment)).as("the payment process runs again").isNotEqualTo('T');
                assertThat(Eventually.holds(Duration.ofSeconds(20), Duration.ofMillis(100), () -> {
                            synchronized (live) {
                                return live.phaseProperty().get().equals("HALTED")
                                        && !live.runningProperty().get();
                            }
                        }))
                        .as("%s", snapshot(live))
                        .isTrue();
                assertThat(new SharedKillSwitch(store).engaged()).isPresent();

                // faultline release on the follower's desktop releases the team's switch too
                try (ChildFaultline release =
                        ChildFaultline.start(followerHome, followerDesk, "release", "--reason", "checkout is back")) {
                    assertThat(release.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                    assertThat(release.output()).contains("team kill switch released too");
                }
                assertThat(new SharedKillSwitch(store).engaged()).isEmpty();
            }
        } finally {
            // when an assertion failed, the killed runner's fault (a frozen payment process) is reverted here,
            // not left on the fork's sandbox for the next class
            Cli.run(runnerHome, "recover");
        }
    }

    @Test
    void withTheSharedStoreStoppedADesktopsOwnHaltStillRevertsItsFault() throws Exception {
        try (PostgresCluster cluster = PostgresCluster.start()) {
            TestDatabase db = cluster.newDatabase();
            StoreSettingsFile.of(new FaultlineHome(runnerHome)).write(db.settings(work.resolve("pw")));
            Path runbook = Cli.shortenedRunbook(work, "payment-pause-recovers.yaml", "duration: 5s", "duration: 25s");
            Map<String, String> desk = desk("runner-desk");
            long payment = ForkSandbox.pid("sandbox-payment");
            try (ChildFaultline runner = ChildFaultline.start(runnerHome, desk, "run", runbook.toString())) {
                assertThat(runner.awaitOutput("injected process", Duration.ofSeconds(90)))
                        .as("%s", runner.output())
                        .isTrue();
                assertThat(runner.output()).contains("using the sandbox that is already running");
                cluster.pgCtl("-m", "immediate", "-w", "-t", "30", "stop");

                try (ChildFaultline halt =
                        ChildFaultline.start(runnerHome, desk, "halt", "--reason", "store is down", "--wait", "20s")) {
                    assertThat(halt.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                    assertThat(halt.output())
                            .contains("KILL SWITCH ENGAGED")
                            .contains("the team's shared store could not be told")
                            .doesNotContain("TEAM KILL SWITCH ENGAGED");
                }
                // its records wait for the store up to 30 s when the run ends, then it exits
                assertThat(runner.process.waitFor(90, TimeUnit.SECONDS)).isTrue();
                assertThat(runner.output())
                        .contains("HALTED")
                        .contains("store is down")
                        .contains("confirmed gone");
                assertThat(state(payment)).as("the payment process runs again").isNotEqualTo('T');
            }
        }
    }

    /** Another desktop: a halt socket folder of its own, so only the shared store reaches its Faultlines. */
    private Map<String, String> desk(String name) {
        return Map.of("FAULTLINE_RUNTIME_DIR", work.resolve(name).toString());
    }

    private static String snapshot(LiveRunViewModel live) {
        synchronized (live) {
            return "following=" + live.followingProperty().get() + " phase="
                    + live.phaseProperty().get()
                    + " behind=" + live.behindProperty().get() + " tracks="
                    + live.tracks().stream()
                            .map(t -> t.name() + ":" + t.series().size())
                            .toList() + " log="
                    + live.log();
        }
    }

    private static char state(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return 'X';
        }
        String s = Files.readString(stat, StandardCharsets.UTF_8);
        return s.charAt(s.lastIndexOf(')') + 2);
    }
}
