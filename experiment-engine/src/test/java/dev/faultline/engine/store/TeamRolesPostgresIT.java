package dev.faultline.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.Participant.Role;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.spi.SecretRef;
import dev.faultline.engine.testkit.PostgresCluster;
import dev.faultline.engine.testkit.PostgresCluster.TestDatabase;
import dev.faultline.engine.testkit.ThrowawayPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GameDay's roles enforced by PostgreSQL (db/team/roles.sql, run as the DBA would): a client
 * logged in as an observer that goes round Faultline with plain JDBC may not insert a run, edit
 * the plan, write a lesson or forge an audit entry, but may halt and write an observation; an
 * operator starts runs but writes no retrospective; a scribe writes the retrospective of their
 * GameDay only. Through the store, a refusal is one line that names the login and what it may not do.
 */
@ExtendWith(ThrowawayPostgres.class)
class TeamRolesPostgresIT {
    private static final String DAY = "first-gameday";
    private static final String PASSWORD = "team-secret-1";

    @TempDir
    Path dir;

    private final TestDatabase db;
    private final PostgresCluster cluster;
    private final String alice;
    private final String bob;
    private final String carol;
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    TeamRolesPostgresIT(TestDatabase db, PostgresCluster cluster) {
        this.db = db;
        this.cluster = cluster;
        this.alice = db.name() + "_alice";
        this.bob = db.name() + "_bob";
        this.carol = db.name() + "_carol";
    }

    @BeforeEach
    void setUp() throws Exception {
        // the owner's first start creates the tables, and a plan with a run of it to write about
        try (FaultlineStore owner = FaultlineStore.openShared(db.settings(dir.resolve("owner-pw")))) {
            long day = owner.gameDays().saveGameDay(DAY, "First", "text", "d".repeat(64));
            owner.gameDays().createRun("gd-1", day, "sandbox", t0);
            long other = owner.gameDays().saveGameDay("other-day", "Other", "text", "o".repeat(64));
            owner.gameDays().createRun("gd-2", other, "sandbox", t0);
        }
        try (Connection admin = cluster.admin("postgres");
                Statement st = admin.createStatement()) {
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'faultline_team')"
                    + " THEN CREATE ROLE faultline_team NOLOGIN; END IF; END $$");
            for (String login : new String[] {alice, bob, carol}) {
                st.execute("CREATE ROLE " + login + " LOGIN PASSWORD '" + PASSWORD + "' IN ROLE faultline_team");
            }
        }
        // the DBA's set-up, as the tables' owner, twice (it must be safe to run again)
        try (Connection owner = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement st = owner.createStatement()) {
            st.execute(TeamRoles.dbaSetUp());
            st.execute(TeamRoles.dbaSetUp());
            st.execute("INSERT INTO team_role VALUES ('" + alice + "', '" + DAY + "', 'observer')," + " ('" + bob
                    + "', '*', 'operator'), ('" + carol + "', '" + DAY + "', 'scribe')");
        }
    }

    @Test
    void anObserverWithPlainJdbcIsRefusedEverythingButHaltingAndNotes() throws Exception {
        try (Connection c = as(alice)) {
            assertRefused(
                    c,
                    "INSERT INTO experiment (name, title, sha256, runbook, first_seen)" + " VALUES ('x', 'X', '"
                            + "e".repeat(64) + "', 'text', now())");
            assertRefused(
                    c,
                    "INSERT INTO run (id, experiment_id, environment, status, started_at)"
                            + " VALUES ('r-forged', 1, 'sandbox', 'RUNNING', now())");
            // the plan: a new version, a change, a role of one's own
            assertRefused(
                    c,
                    "INSERT INTO gameday (name, title, sha256, runbook, first_seen)" + " VALUES ('" + DAY
                            + "', 'Mine', '" + "f".repeat(64) + "', 'text', now())");
            assertRefused(c, "UPDATE gameday SET runbook = 'edited' WHERE name = '" + DAY + "'");
            assertRefused(c, "INSERT INTO team_role VALUES ('" + alice + "', '*', 'leader')");
            // the retrospective
            assertRefused(
                    c,
                    "INSERT INTO lesson (gameday_run_id, kind, text, created_at)"
                            + " VALUES ('gd-1', 'WENT_WELL', 'forged', now())");
            // someone else's audit entry, and changing one's own
            assertRefused(
                    c,
                    "INSERT INTO audit_entry (at, login, host, action, subject, detail)" + " VALUES (now(), '" + bob
                            + "', 'h', 'run started', 'r', '')");
            // allowed: halt, a note, one's own audit entry
            try (Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("INSERT INTO store_halt (pressed_at, pressed_by, reason)"
                                + " VALUES (now(), 'Alice', 'customers see errors')"))
                        .isEqualTo(1);
                assertThat(st.executeUpdate("INSERT INTO observation (subject, at, author, text)"
                                + " VALUES ('gd-1', now(), 'Alice', 'p99 climbs')"))
                        .isEqualTo(1);
                assertThat(st.executeUpdate("INSERT INTO audit_entry (at, login, host, action, subject, detail)"
                                + " VALUES (now(), '" + alice + "', 'h', 'halt pressed', 'x', '')"))
                        .isEqualTo(1);
            }
            // an observer may not release the switch, nor touch the audit trail
            assertRefused(c, "UPDATE store_halt SET released_at = now(), released_by = 'Alice', release_note = 'ok'");
            assertRefused(c, "DELETE FROM audit_entry");
        }
    }

    @Test
    void anOperatorStartsRunsButWritesNoRetrospectiveAndAScribeOnlyInTheirGameDay() throws Exception {
        try (Connection c = as(bob);
                Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO experiment (name, title, sha256, runbook, first_seen)"
                    + " VALUES ('x', 'X', '" + "e".repeat(64) + "', 'text', now())");
            assertThat(st.executeUpdate("INSERT INTO run (id, experiment_id, environment, status, started_at)"
                            + " SELECT 'r-1', id, 'sandbox', 'RUNNING', now() FROM experiment WHERE name = 'x'"))
                    .isEqualTo(1);
            assertThat(st.executeUpdate("UPDATE run SET status = 'PASSED' WHERE id = 'r-1'"))
                    .isEqualTo(1);
            assertRefused(
                    c,
                    "INSERT INTO lesson (gameday_run_id, kind, text, created_at)"
                            + " VALUES ('gd-1', 'WENT_WELL', 'x', now())");
            assertRefused(c, "UPDATE gameday SET runbook = 'edited'");
        }
        try (Connection c = as(carol);
                Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("INSERT INTO lesson (gameday_run_id, kind, text, created_at)"
                            + " VALUES ('gd-1', 'WENT_WELL', 'the pager worked', now())"))
                    .isEqualTo(1);
            assertRefused(
                    c,
                    "INSERT INTO lesson (gameday_run_id, kind, text, created_at)"
                            + " VALUES ('gd-2', 'WENT_WELL', 'not my GameDay', now())");
            assertRefused(
                    c,
                    "INSERT INTO run (id, experiment_id, environment, status, started_at)"
                            + " SELECT 'r-2', id, 'sandbox', 'RUNNING', now() FROM experiment");
        }
    }

    @Test
    void throughTheStoreARefusalIsOneLineAndAHaltGoesThrough() throws Exception {
        try (FaultlineStore store = FaultlineStore.openShared(settings(alice))) {
            assertThat(store.roles().enforced()).isTrue();
            assertThat(store.roles().of(alice)).containsExactly(new TeamRoles.Assignment(alice, DAY, Role.OBSERVER));
            assertThat(store.roles().refusal(TeamRoles.Right.START_RUNS, null))
                    .hasValueSatisfying(m -> assertThat(m)
                            .startsWith("refused by the shared store: " + alice + " may not start runs")
                            .contains("leader or operator", "observer in " + DAY)
                            .doesNotContain("\n"));
            assertThat(store.roles().refusal(TeamRoles.Right.WRITE_NOTES, DAY)).isEmpty();

            assertThatThrownBy(() -> store.saveExperiment("x", "X", "text", "e".repeat(64)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("refused by the shared store: " + alice + " may not save experiment x")
                    .hasMessageContaining("row-level security")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", PASSWORD));
            assertThatThrownBy(() -> store.retro().addLesson("gd-1", Lesson.Kind.WENT_WELL, "forged", t0))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("refused by the shared store: " + alice + " may not ");
            assertThatThrownBy(() -> store.roles().assign(alice, "*", Role.LEADER))
                    .hasMessageStartingWith("refused by the shared store");

            SharedKillSwitch halt = new SharedKillSwitch(store);
            halt.press("Alice", "customers see errors", t0);
            assertThat(halt.engaged()).isPresent();
            assertThatThrownBy(() -> halt.release("Alice", "fine again", t0.plusSeconds(1)))
                    .hasMessageStartingWith("refused by the shared store: " + alice + " may not release");
            assertThat(store.audit().recent(10))
                    .extracting(AuditTrail.Entry::login, AuditTrail.Entry::action)
                    .contains(org.assertj.core.groups.Tuple.tuple(alice, "halt pressed"));
        }
        try (FaultlineStore store = FaultlineStore.openShared(settings(carol))) {
            store.retro().addLesson("gd-1", Lesson.Kind.WENT_WELL, "the pager worked", t0);
            assertThat(store.audit().about(java.util.List.of("gd-1")))
                    .extracting(AuditTrail.Entry::login, AuditTrail.Entry::action)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(db.user(), "GameDay started"),
                            org.assertj.core.groups.Tuple.tuple(carol, "lesson added"));
        }
    }

    private Connection as(String login) throws SQLException {
        return DriverManager.getConnection(db.url(), login, PASSWORD);
    }

    private SharedStoreSettings settings(String login) throws Exception {
        Path pw = dir.resolve(login + "-pw");
        Files.writeString(pw, PASSWORD + "\n");
        return new SharedStoreSettings(db.url(), login, new SecretRef("file:" + pw));
    }

    private static void assertRefused(Connection c, String sql) {
        assertThatThrownBy(() -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.executeUpdate();
                    }
                })
                .as(sql)
                .isInstanceOfSatisfying(
                        SQLException.class,
                        e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42501"));
    }
}
