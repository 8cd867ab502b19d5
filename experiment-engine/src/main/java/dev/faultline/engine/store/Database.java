package dev.faultline.engine.store;

import dev.faultline.engine.env.PrivateFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * The H2 file database, its logins and its migrations.
 *
 * <p>{@code AUTO_SERVER=TRUE}: the first process to open the file serves it to the others over a
 * TCP port, so the app, a run on the command line and {@code faultline runs} in another terminal
 * can use the same database at once (without it, H2 locks the file to one process). The port is
 * bound to 127.0.0.1 only; its number and key are in {@code faultline.lock.db}, which like the
 * whole home is readable by the user alone. Two logins, with passwords from
 * {@link DatabaseSecret}: {@code SA} (admin) only runs the migrations; every connection of the
 * app is {@code FAULTLINE}, which may read and write the tables and nothing else (no
 * {@code CREATE ALIAS}, no file functions, no linked tables). A database made before the
 * passwords (admin {@code sa}, empty password) gets them on its first open.
 *
 * <p>H2 closes the database in a shutdown hook of its own ({@code DB_CLOSE_ON_EXIT=FALSE} cannot be
 * combined with AUTO_SERVER), so a run halted by Ctrl-C may find it closed: {@link PendingResults}
 * keeps such a run's end on disk until the next start records it.
 */
final class Database implements StoreDatabase {
    static final String ADMIN = "SA";
    static final String APP = "FAULTLINE";

    static {
        // H2 reads its bind address once, when it is first loaded, for every server it starts in
        // this JVM; AUTO_SERVER would otherwise listen on every interface.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final Path file;
    private final String url;
    private final Path secretFile;
    private final DatabaseSecret secret;
    /** The app's connection made by {@link #open}, handed out by the first {@link #connect()}. */
    private @Nullable Connection first;

    private Database(Path file, DatabaseSecret secret) {
        this.file = file;
        this.url = "jdbc:h2:file:" + file.toAbsolutePath() + ";AUTO_SERVER=TRUE";
        this.secretFile = secretFile(file);
        this.secret = secret;
    }

    /** Opens (creating, securing or migrating as needed) the database at {@code file}. */
    static Database open(Path file) throws StoreException {
        requireLoopbackServer();
        Database db = new Database(file, DatabaseSecret.loadOrCreate(secretFile(file)));
        try (Connection admin = db.admin()) {
            db.grantTheApp(admin);
            if (migrationDue(admin)) {
                db.migrate();
            }
            // the app's first connection is made while the admin's is still open: H2 closes a file
            // database with its last connection, and opening it again (its file, its schema, its
            // server) took a tenth of a short command's time (faultline report)
            db.first = db.connect();
        } catch (SQLException e) {
            throw DatabaseProblem.of(db.describe(), "prepare", e);
        }
        return db;
    }

    /** The newest migration in {@code db/migration} (a test keeps it so). */
    static final String NEWEST_MIGRATION = "12";

    /**
     * Whether Flyway has work: unless the last migration applied is the newest one, and it succeeded.
     * Starting Flyway takes a third of a short command's start ({@code faultline report}), so a
     * database already up to date skips it; anything else (new, older, newer, a failed migration)
     * goes through Flyway as before.
     */
    private static boolean migrationDue(Connection admin) {
        try (Statement st = admin.createStatement();
                ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                        + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC LIMIT 1")) {
            return !(rs.next() && NEWEST_MIGRATION.equals(rs.getString(1)) && rs.getBoolean(2));
        } catch (SQLException e) {
            return true; // no history yet: Flyway makes it
        }
    }

    static Path secretFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".secret");
    }

    private static void requireLoopbackServer() {
        String bound = org.h2.engine.SysProperties.BIND_ADDRESS;
        try {
            if (bound != null && InetAddress.getByName(bound).isLoopbackAddress()) {
                return;
            }
        } catch (UnknownHostException e) {
            // not loopback, refused below
        }
        throw new IllegalStateException("H2's server would listen on " + (bound == null ? "every interface" : bound)
                + ": H2 was loaded before Faultline's store set h2.bindAddress=127.0.0.1, or it is set to another"
                + " address; remove -Dh2.bindAddress");
    }

    @Override
    public String describe() {
        return file.toAbsolutePath() + ".mv.db";
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public String loginName() {
        return System.getProperty("user.name", "unknown");
    }

    /** The admin login; a database still on the old empty password gets the generated one first. */
    private Connection admin() throws StoreException, SQLException {
        try {
            return DriverManager.getConnection(url, ADMIN, secret.admin());
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw e;
            }
        }
        Connection old;
        try {
            old = DriverManager.getConnection(url, ADMIN, "");
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw new StoreException(
                        "cannot open the database " + describe() + ": its password is not the one in "
                                + secretFile
                                + " (the file was lost or replaced): put back the right file, or move the database"
                                + " aside (mv " + describe() + " " + describe()
                                + ".locked) and start again; your past runs stay"
                                + " in the moved file",
                        e);
            }
            throw e;
        }
        // The secret is on disk (forced) before the database takes it: a crash here leaves the old
        // password in place, tried again on the next open.
        try (PreparedStatement ps = old.prepareStatement("ALTER USER " + ADMIN + " SET PASSWORD ?")) {
            ps.setString(1, secret.admin());
            ps.execute();
        } catch (SQLException e) {
            close(old);
            throw e;
        }
        return old;
    }

    /**
     * Creates the app's login when missing. Only then: a read-only command ({@code faultline runs})
     * writes nothing, and works on a full disk.
     */
    private void grantTheApp(Connection admin) throws SQLException {
        try (PreparedStatement find =
                admin.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = ?")) {
            find.setString(1, APP);
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next() && rs.getLong(1) > 0) {
                    return;
                }
            }
        }
        try (PreparedStatement create = admin.prepareStatement("CREATE USER IF NOT EXISTS " + APP + " PASSWORD ?")) {
            create.setString(1, secret.app());
            create.execute();
        }
        try (Statement grant = admin.createStatement()) {
            grant.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO " + APP);
        }
    }

    private void migrate() throws StoreException {
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(url, ADMIN, secret.admin())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw DatabaseProblem.of(describe(), "prepare", e);
        }
    }

    /** H2 makes its files with the process's umask: take the group's and others' rights off them. */
    private void restrictFiles() throws StoreException {
        Path dir = file.toAbsolutePath().getParent();
        String prefix = file.getFileName() + ".";
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .toList()) {
                PrivateFiles.restrict(f);
            }
        } catch (IOException e) {
            throw new StoreException(
                    "cannot make the database's files in " + dir + " private: " + rootMessage(e)
                            + ": they must belong to you (chown -R " + System.getProperty("user.name") + " " + dir
                            + ")",
                    e);
        }
    }

    /**
     * Writes everything committed so far to disk and waits for it. {@code CHECKPOINT SYNC} needs
     * the admin login, which the app's connections do not have, so it runs on one of its own.
     */
    @Override
    public void checkpoint() throws SQLException {
        try (Connection admin = DriverManager.getConnection(url, ADMIN, secret.admin());
                Statement st = admin.createStatement()) {
            st.execute("CHECKPOINT SYNC");
        }
    }

    /**
     * A connection with the app's rights: the tables' rows, nothing else. H2 has (re)made its lock
     * file by now, with the process's umask: it is made private here.
     */
    @Override
    public synchronized Connection connect() throws StoreException {
        Connection ready = first;
        if (ready != null) {
            first = null;
            return ready;
        }
        Connection c;
        try {
            c = DriverManager.getConnection(url, APP, secret.app());
        } catch (SQLException e) {
            throw DatabaseProblem.of(describe(), "open", e);
        }
        try {
            restrictFiles();
        } catch (StoreException e) {
            close(c);
            throw e;
        }
        return c;
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // already broken: nothing more to release
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        for (String end : new String[] {"; SQL statement:", "\n", " ["}) {
            int cut = m.indexOf(end);
            if (cut > 0) {
                m = m.substring(0, cut);
            }
        }
        return m.strip();
    }
}
