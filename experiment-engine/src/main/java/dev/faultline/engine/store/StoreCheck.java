package dev.faultline.engine.store;

import dev.faultline.engine.spi.Secret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;

/**
 * Tests a shared store's settings without opening the store (nothing is created or migrated): logs
 * in, reads the server's version, whether the connection is encrypted and the schema's version,
 * and says in one line what it found or what is wrong ({@link SharedStoreProblem}).
 */
public final class StoreCheck {
    private StoreCheck() {}

    /** What a check found: {@code ok}, and one line for the user. */
    public record Outcome(boolean ok, String problem, String line) {}

    public static Outcome check(SharedStoreSettings s) {
        Secret password;
        try {
            password = SharedDatabase.password(s);
        } catch (StoreException e) {
            return new Outcome(false, "PASSWORD", e.getMessage());
        }
        try (Connection c = DriverManager.getConnection(s.driverUrl(), s.user(), password.reveal())) {
            String version = one(c, "SHOW server_version");
            boolean tls = "yes"
                    .equals(one(
                            c,
                            "SELECT CASE WHEN ssl THEN 'yes' ELSE 'no' END FROM pg_stat_ssl"
                                    + " WHERE pid = pg_backend_pid()"));
            OptionalInt schema = SharedDatabase.schemaVersion(c);
            int newest = Integer.parseInt(Database.NEWEST_MIGRATION);
            if (schema.isPresent() && schema.getAsInt() > newest) {
                return new Outcome(
                        false,
                        SharedStoreProblem.Kind.SCHEMA_TOO_NEW.name(),
                        "schema too new: " + s.describe() + " is at version " + schema.getAsInt()
                                + ", this Faultline knows up to " + newest
                                + ": update Faultline on this desktop to the version the team uses");
            }
            String schemaText = schema.isEmpty()
                    ? "no Faultline tables yet (made on first use)"
                    : schema.getAsInt() == newest
                            ? "schema at version " + newest
                            : "schema at version " + schema.getAsInt() + " (migrated to " + newest + " on first use)";
            String tlsText = !tls
                    ? "not encrypted" + (s.loopback() ? " (loopback)" : " (sslmode=" + s.sslMode() + ")")
                    : s.verifiesServer()
                            ? "TLS, certificate and host name checked"
                            : "TLS (sslmode=" + s.sslMode() + ")";
            return new Outcome(
                    true,
                    "",
                    "connected to " + s.describe() + " as " + s.user() + ": PostgreSQL " + version + ", " + tlsText
                            + ", " + schemaText);
        } catch (SQLException e) {
            SharedStoreProblem.Kind kind = SharedStoreProblem.kind(e);
            return new Outcome(
                    false,
                    kind.name(),
                    SharedStoreProblem.of(s, "connect to", e).getMessage());
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? String.valueOf(rs.getString(1)) : "";
        }
    }
}
