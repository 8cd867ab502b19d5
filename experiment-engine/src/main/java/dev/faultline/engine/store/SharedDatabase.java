package dev.faultline.engine.store;

import dev.faultline.engine.spi.Secret;
import dev.faultline.engine.spi.SettingsException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * A team's shared PostgreSQL store: the same migrations as H2 ({@code db/migration}), plus the
 * PostgreSQL-only {@code db/postgresql} (a {@code beforeMigrate} callback that gives PostgreSQL the
 * {@code CLOB} type the shared migrations name). The configured login runs the migrations when the
 * schema is behind; a schema newer than this Faultline is refused (an older client could write rows
 * a newer one does not expect). The password is read from its reference when the store opens and
 * is kept only in memory.
 */
final class SharedDatabase implements StoreDatabase {
    private final SharedStoreSettings settings;
    private final Secret password;

    private SharedDatabase(SharedStoreSettings settings, Secret password) {
        this.settings = settings;
        this.password = password;
    }

    static SharedDatabase open(SharedStoreSettings settings) throws StoreException {
        SharedDatabase db = new SharedDatabase(settings, password(settings));
        OptionalInt version;
        try (Connection c = db.login()) {
            version = schemaVersion(c);
        } catch (SQLException e) {
            throw SharedStoreProblem.of(settings, "open", e);
        }
        int newest = Integer.parseInt(Database.NEWEST_MIGRATION);
        if (version.isPresent() && version.getAsInt() > newest) {
            throw new StoreException(
                    "schema too new: " + settings.describe() + " is at version " + version.getAsInt()
                            + ", this Faultline knows up to " + newest
                            + ": update Faultline on this desktop to the version the team uses",
                    new IllegalStateException("schema " + version.getAsInt()));
        }
        if (version.isEmpty() || version.getAsInt() < newest) {
            db.migrate();
        }
        return db;
    }

    static Secret password(SharedStoreSettings settings) throws StoreException {
        try {
            return settings.password().resolve();
        } catch (SettingsException e) {
            throw new StoreException(
                    "cannot open " + settings.describe() + ": its password: " + e.getMessage()
                            + " (set it, or change the reference in the store settings)",
                    e);
        }
    }

    /** The newest migration applied successfully, or empty when Flyway has not run here yet. */
    static OptionalInt schemaVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return OptionalInt.empty();
            }
        }
        int newest = -1;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
            while (rs.next()) {
                try {
                    newest = Math.max(newest, Integer.parseInt(rs.getString(1)));
                } catch (NumberFormatException e) {
                    // a version of someone else's (1.1): not one of ours
                }
            }
        }
        return newest < 0 ? OptionalInt.empty() : OptionalInt.of(newest);
    }

    private void migrate() throws StoreException {
        try {
            Flyway.configure(SharedDatabase.class.getClassLoader())
                    .dataSource(settings.driverUrl(), settings.user(), password.reveal())
                    .locations("classpath:db/migration", "classpath:db/postgresql")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw SharedStoreProblem.of(settings, "migrate", e);
        }
    }

    private Connection login() throws SQLException {
        return DriverManager.getConnection(settings.driverUrl(), settings.user(), password.reveal());
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public Connection connect() throws StoreException {
        try {
            return login();
        } catch (SQLException e) {
            throw SharedStoreProblem.of(settings, "open", e);
        }
    }

    @Override
    public void checkpoint() {
        // a committed PostgreSQL transaction is already durable
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String loginName() {
        return settings.user();
    }

    SharedStoreSettings settings() {
        return settings;
    }
}
