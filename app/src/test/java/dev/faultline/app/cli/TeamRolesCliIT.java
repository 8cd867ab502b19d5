package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.testkit.PostgresCluster;
import dev.faultline.engine.testkit.PostgresCluster.TestDatabase;
import dev.faultline.engine.testkit.ThrowawayPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The roles from the command line: the DBA runs what {@code faultline store grants} prints; an
 * observer's {@code faultline run} is refused in one line before anything starts, their halt goes
 * through, their release is refused in one line; {@code team roles} and {@code team status} (the
 * audit trail) show it.
 */
@ExtendWith(ThrowawayPostgres.class)
class TeamRolesCliIT {
    @TempDir
    Path ownerHome;

    @TempDir
    Path observerHome;

    @TempDir
    Path secrets;

    @Test
    void anObserverHaltsButIsRefusedARunAndARelease(TestDatabase db, PostgresCluster cluster) throws Exception {
        Path ownerPw = secrets.resolve("owner");
        Files.writeString(ownerPw, db.password());
        assertThat(Cli.run(
                                ownerHome,
                                "store",
                                "use",
                                "--url",
                                db.url(),
                                "--user",
                                db.user(),
                                "--password",
                                "file:" + ownerPw)
                        .exit())
                .isZero();
        assertThat(Cli.run(ownerHome, "runs").exit()).isZero(); // the first start creates the tables

        String observer = db.name() + "_obs";
        try (Connection admin = cluster.admin("postgres");
                Statement st = admin.createStatement()) {
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'faultline_team')"
                    + " THEN CREATE ROLE faultline_team NOLOGIN; END IF; END $$");
            st.execute("CREATE ROLE " + observer + " LOGIN PASSWORD 'obs-pw-1' IN ROLE faultline_team");
        }
        Cli grants = Cli.run(ownerHome, "store", "grants");
        assertThat(grants.exit()).isZero();
        try (Connection owner = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement st = owner.createStatement()) {
            st.execute(grants.out());
            st.execute("INSERT INTO team_role VALUES ('" + observer + "', 'first-gameday', 'observer')");
        }

        Path obsPw = secrets.resolve("obs");
        Files.writeString(obsPw, "obs-pw-1");
        Cli use = Cli.run(
                observerHome, "store", "use", "--url", db.url(), "--user", observer, "--password", "file:" + obsPw);
        assertThat(use.exit()).as(use.err()).isZero();

        Cli roles = Cli.run(observerHome, "team", "roles");
        assertThat(roles.out())
                .contains("you are " + observer + "; the database enforces these roles")
                .contains(observer + "  observer  in first-gameday");

        Cli run = Cli.run(observerHome, "run", Cli.runbook("payment-latency-holds.yaml"));
        assertThat(run.exit()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(run.err().strip())
                .startsWith("faultline: refused by the shared store: " + observer + " may not start runs")
                .contains("leader or operator");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(Cli.run(observerHome, "runs").out()).startsWith("no runs yet"); // nothing started

        Cli halt = Cli.run(observerHome, "team", "halt", "--reason", "customers see errors", "--by", "Cleo");
        assertThat(halt.exit()).as(halt.err()).isZero();
        Cli release = Cli.run(observerHome, "team", "release", "--reason", "fine again", "--by", "Cleo");
        assertThat(release.exit()).isNotZero();
        assertThat(release.err().strip())
                .startsWith("faultline: refused by the shared store: " + observer + " may not release");
        assertThat(release.err().strip().lines()).hasSize(1);

        Cli status = Cli.run(ownerHome, "team", "status");
        assertThat(status.out())
                .startsWith("ENGAGED")
                .contains("audit trail (newest 1):")
                .contains(observer + "@", "halt pressed  team kill switch: by Cleo: customers see errors");
        assertThat(Cli.run(ownerHome, "team", "release", "--reason", "fine again")
                        .out())
                .contains("team kill switch released");
    }
}
