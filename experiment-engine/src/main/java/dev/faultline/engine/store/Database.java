package dev.faultline.engine.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The H2 file database and its migrations.
 *
 * <p>{@code AUTO_SERVER=TRUE}: the first process to open the file serves it to the others over a
 * loopback TCP port, so the app, a run on the command line and {@code faultline runs} in another
 * terminal can use the same database at once (without it, H2 locks the file to one process).
 * H2 closes the database in a shutdown hook of its own ({@code DB_CLOSE_ON_EXIT=FALSE} cannot be
 * combined with AUTO_SERVER), so a run halted by Ctrl-C may find it closed: {@link PendingResults}
 * keeps such a run's end on disk until the next start records it.
 */
final class Database {
    private final Path file;
    private final String url;

    Database(Path file) {
        this.file = file;
        this.url = "jdbc:h2:file:" + file.toAbsolutePath() + ";AUTO_SERVER=TRUE;DB_CLOSE_DELAY=0";
    }

    String describe() {
        return file.toAbsolutePath() + ".mv.db";
    }

    void migrate() throws StoreException {
        try {
            Flyway.configure(Database.class.getClassLoader()).dataSource(url, "sa", "")
                    .locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot prepare the database " + describe() + ": " + rootMessage(e), e);
        }
    }

    Connection connect() throws StoreException {
        try {
            return DriverManager.getConnection(url, "sa", "");
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + describe() + ": " + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int cut = m.indexOf(" [");
        return cut > 0 ? m.substring(0, cut) : m;
    }
}
