package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.store.AuditTrail;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.SharedKillSwitch;
import dev.faultline.engine.store.StoreSettingsFile;
import dev.faultline.engine.testkit.PostgresCluster;
import dev.faultline.engine.testkit.PostgresCluster.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team mode: {@code faultline release} on a desktop while the team's shared store is down releases
 * this desktop's switch at once, as before, and keeps the release in the home; when the store is
 * back, the next Faultline of that home releases the team's switch with the same name and reason
 * (before, the team's switch stayed engaged for everyone, and nobody was told to release it).
 */
class TeamReleaseWhileAwayIT {
    @TempDir
    Path home;

    @TempDir
    Path other;

    @Test
    void aReleaseMadeWhileTheStoreWasDownReachesTheTeamsSwitchWhenItIsBack() throws Exception {
        try (PostgresCluster cluster = PostgresCluster.start()) {
            TestDatabase db = cluster.newDatabase();
            StoreSettingsFile.of(new FaultlineHome(home)).write(db.settings(home.resolve("pw")));
            StoreSettingsFile.of(new FaultlineHome(other)).write(db.settings(other.resolve("pw")));
            try (FaultlineStore theirs = FaultlineStore.open(new FaultlineHome(other))) {
                new SharedKillSwitch(theirs).press("Ana", "checkout is down", Instant.now());
            }
            Cli halt = Cli.run(home, "halt", "--reason", "checkout is down");
            assertThat(halt.exit()).as(halt.out() + halt.err()).isNotEqualTo(ExitCodes.INVALID_INPUT);

            cluster.pgCtl("-m", "fast", "-w", "-t", "30", "stop");
            Cli release = Cli.run(home, "release", "--reason", "checkout is back");

            assertThat(release.out()).contains("kill switch released: checkout is back");
            assertThat(release.err())
                    .contains("the team's shared store could not be told")
                    .contains("then it is released with your name and reason");
            assertThat(home.resolve("team-release.pending")).exists();

            cluster.pgCtl(
                    "-o",
                    "-p " + cluster.port(),
                    "-l",
                    cluster.dir().resolve("log").toString(),
                    "-w",
                    "-t",
                    "30",
                    "start");
            Cli status = Cli.run(home, "team", "status");

            assertThat(status.exit()).as(status.out() + status.err()).isZero();
            assertThat(status.out()).startsWith("released");
            assertThat(home.resolve("team-release.pending")).doesNotExist();
            try (FaultlineStore theirs = FaultlineStore.open(new FaultlineHome(other))) {
                assertThat(new SharedKillSwitch(theirs).engaged()).isEmpty();
                assertThat(theirs.audit().recent(5))
                        .extracting(AuditTrail.Entry::detail)
                        .anyMatch(d -> d.contains("checkout is back") && d.contains("while the shared store was away"));
            }
        }
    }
}
