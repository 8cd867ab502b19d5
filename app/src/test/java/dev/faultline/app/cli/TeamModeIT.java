package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.RunRecord;
import dev.faultline.engine.store.StoreSettingsFile;
import dev.faultline.engine.testkit.PostgresCluster.TestDatabase;
import dev.faultline.engine.testkit.ThrowawayPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team mode with real processes on a shared PostgreSQL: one desktop runs a sandbox experiment,
 * another follows it live ({@code faultline team follow}), a third notes and presses the team's
 * kill switch; the runner halts and reverts its fault, and everyone sees it.
 */
@ExtendWith(ThrowawayPostgres.class)
@ForkSandbox.Shared
class TeamModeIT {
    @TempDir
    Path runnerHome;

    @TempDir
    Path followerHome;

    @TempDir
    Path work;

    @Test
    void aFollowerSeesTheRunLiveAndAHaltFromAnotherDesktopRevertsTheRunnersFault(TestDatabase db) throws Exception {
        for (Path home : List.of(runnerHome, followerHome)) {
            StoreSettingsFile.of(new FaultlineHome(home)).write(db.settings(work.resolve("pw")));
        }
        Path runbook = Cli.shortenedRunbook(work, "payment-pause-recovers.yaml", "duration: 5s", "duration: 25s");
        long payment = ForkSandbox.pid("sandbox-payment");
        try {
            try (ChildFaultline runner = ChildFaultline.start(runnerHome, "run", runbook.toString())) {
                assertThat(runner.awaitOutput("injected process", Duration.ofSeconds(90)))
                        .as("%s", runner.output())
                        .isTrue();
                assertThat(runner.output()).contains("using the sandbox that is already running");
                assertThat(state(payment)).as("the payment process is frozen").isEqualTo('T');
                String runId = runningRun();
                try (ChildFaultline follower = ChildFaultline.start(followerHome, "team", "follow", runId)) {
                    assertThat(follower.awaitOutput("injected process", Duration.ofSeconds(60)))
                            .as("%s", follower.output())
                            .isTrue();
                    assertThat(follower.awaitOutput("samples(", Duration.ofSeconds(30)))
                            .as("%s", follower.output())
                            .isTrue();

                    Cli note = Cli.run(
                            followerHome, "note", runId, "checkout", "errors", "climb", "--author", "Zoë Ångström");
                    assertThat(note.exit()).as(note.err()).isZero();
                    assertThat(follower.awaitOutput(
                                    "note by Zoë Ångström: checkout errors climb", Duration.ofSeconds(30)))
                            .as("%s", follower.output())
                            .isTrue();

                    Cli halt = Cli.run(followerHome, "team", "halt", "--reason", "checkout is down", "--by", "Ana");
                    assertThat(halt.exit()).as(halt.err()).isZero();
                    assertThat(halt.out()).contains("TEAM KILL SWITCH ENGAGED");

                    assertThat(runner.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                    assertThat(runner.output())
                            .contains("HALTED")
                            .contains("HALT by Ana from the team's store: checkout is down")
                            .contains("confirmed gone");
                    assertThat(follower.awaitOutput("ended: HALTED", Duration.ofSeconds(30)))
                            .as("%s", follower.output())
                            .isTrue();
                    assertThat(follower.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    assertThat(follower.process.exitValue()).isZero();
                }
                assertThat(state(payment)).as("the payment process runs again").isNotEqualTo('T');
            }
        } finally {
            // when an assertion failed, the killed runner's fault (a frozen payment process) is reverted here,
            // not left on the fork's sandbox for the next class
            Cli.run(runnerHome, "recover");
        }

        Cli status = Cli.run(followerHome, "team", "status");
        assertThat(status.out()).startsWith("ENGAGED").contains("by Ana: checkout is down");
        Cli release = Cli.run(followerHome, "team", "release", "--reason", "checkout is back", "--by", "Ana");
        assertThat(release.out()).contains("team kill switch released");
        assertThat(Cli.run(followerHome, "team", "status").out()).startsWith("released");
    }

    private String runningRun() throws Exception {
        AtomicReference<String> id = new AtomicReference<>();
        Eventually.holds(Duration.ofSeconds(30), Duration.ofMillis(200), () -> {
            try (FaultlineStore store = FaultlineStore.open(new FaultlineHome(followerHome))) {
                List<RunRecord> running = store.runsStillMarkedRunning();
                if (!running.isEmpty()) {
                    id.set(running.get(0).id());
                }
            }
            return id.get() != null;
        });
        assertThat(id.get()).as("the runner's run is in the shared store").isNotNull();
        return id.get();
    }

    private static char state(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return 'X'; // gone: not frozen either
        }
        String s = Files.readString(stat, StandardCharsets.UTF_8);
        return s.charAt(s.lastIndexOf(')') + 2);
    }
}
