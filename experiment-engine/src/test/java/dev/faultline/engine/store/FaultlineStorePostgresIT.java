package dev.faultline.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.spi.SecretRef;
import dev.faultline.engine.testkit.PostgresCluster.TestDatabase;
import dev.faultline.engine.testkit.ThrowawayPostgres;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link FaultlineStoreIT}'s cases on a shared PostgreSQL store, through the same migrations. */
@ExtendWith(ThrowawayPostgres.class)
class FaultlineStorePostgresIT extends FaultlineStoreIT {
    private final TestDatabase db;

    FaultlineStorePostgresIT(TestDatabase db) {
        this.db = db;
    }

    @Override
    FaultlineStore open() throws StoreException {
        try {
            return FaultlineStore.openShared(db.settings(dir.resolve("pg-password")));
        } catch (java.io.IOException e) {
            throw new StoreException("cannot write the test's password file", e);
        }
    }

    /** The H2 case is a damaged file; here, a wrong password says so in one line, and shows no password. */
    @Override
    @Test
    void aFileThatIsNotAFaultlineDatabaseGivesAClearError() throws Exception {
        Files.writeString(dir.resolve("wrong"), "not-the-password\n");
        SharedStoreSettings wrong =
                new SharedStoreSettings(db.url(), db.user(), new SecretRef("file:" + dir.resolve("wrong")));
        assertThatThrownBy(() -> FaultlineStore.openShared(wrong))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("authentication failed: the shared store 127.0.0.1:" + db.port())
                .hasMessageContaining(db.user())
                .hasMessageNotContaining("not-the-password")
                .hasMessageNotContaining("\n");
    }

    /** PostgreSQL answers the report's read from the covering index alone (an index-only scan, no sort). */
    @Override
    @Test
    void theSeriesQueryReadsTheCoveringIndexInItsOrder() throws Exception {
        try (FaultlineStore store = open();
                Statement off = store.connection().createStatement()) {
            off.execute("SET enable_seqscan = off");
            try (PreparedStatement ps = store.connection().prepareStatement("EXPLAIN " + FaultlineStore.SERIES_QUERY)) {
                ps.setString(1, "r1");
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                assertThat(plan.toString())
                        .contains("Index Only Scan using probe_sample_series")
                        .doesNotContain("Sort");
            }
        }
    }

    @Test
    void theSharedMigrationsRunUnchangedWithTheirH2Checksums() throws Exception {
        try (FaultlineStore ignored = open()) {
            // migrated
        }
        try (FaultlineStore h2 = FaultlineStore.open(dir.resolve("h2"));
                Connection pg = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement a = h2.connection().createStatement();
                Statement b = pg.createStatement()) {
            assertThat(checksums(
                            b,
                            "SELECT version, checksum FROM flyway_schema_history WHERE version IS NOT NULL"
                                    + " ORDER BY installed_rank"))
                    .isEqualTo(checksums(
                            a,
                            "SELECT \"version\", \"checksum\" FROM \"flyway_schema_history\""
                                    + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\""));
        }
    }

    private static String checksums(Statement st, String sql) throws Exception {
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('=').append(rs.getInt(2)).append(';');
            }
        }
        return out.toString();
    }
}
