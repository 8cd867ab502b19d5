package dev.faultline.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What another local user can do with Faultline's database while it is open: its AUTO_SERVER port,
 * the key in its lock file and its logins. Real H2, real TCP on this machine.
 */
class DatabaseAccessIT {
    @TempDir
    Path dir;

    /** H2 reads its bind address once, when it is first loaded: let the store load it, as in the app. */
    @BeforeAll
    static void h2LoadedByTheStore(@TempDir Path first) throws Exception {
        FaultlineStore.open(first.resolve("first")).close();
    }

    private Path db() {
        return dir.resolve("faultline");
    }

    private Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            p.load(r);
        }
        return p;
    }

    /** The AUTO_SERVER's address and key, as any process able to read the lock file finds them. */
    private Properties lockFile() throws IOException {
        return read(dir.resolve("faultline.lock.db"));
    }

    private int serverPort() throws IOException {
        String server = lockFile().getProperty("server");
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }

    private Connection throughTheServer(String user, String password) throws Exception {
        Properties lock = lockFile();
        return DriverManager.getConnection(
                "jdbc:h2:tcp://127.0.0.1:" + serverPort() + "/" + lock.getProperty("id"), user, password);
    }

    /** Local addresses of the listening sockets on {@code port}, from the kernel's table. */
    private static List<String> listeners(int port) throws IOException {
        List<String> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.exists(p)) {
                continue;
            }
            List<String> lines = Files.readAllLines(p);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (Integer.parseInt(local[1], 16) == port && f[3].equals("0A")) {
                    out.add(local[0]);
                }
            }
        }
        return out;
    }

    @Test
    void theSharedServerListensOnLoopbackOnly() throws Exception {
        assumeThat(Path.of("/proc/net/tcp")).exists();
        try (FaultlineStore store = FaultlineStore.open(db())) {
            int port = serverPort();
            assertThat(listeners(port))
                    .as("listening sockets on port %d", port)
                    .isNotEmpty()
                    .allSatisfy(a -> assertThat(a)
                            .as("loopback (127.0.0.1 or ::ffff:127.0.0.1)")
                            .isIn("0100007F", "0000000000000000FFFF00000100007F"));
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a.isLoopbackAddress() || a.isLinkLocalAddress()) {
                        continue;
                    }
                    try (Socket s = new Socket()) {
                        assertThatThrownBy(() -> s.connect(new InetSocketAddress(a, port), 2_000))
                                .as("connecting on %s", a)
                                .isInstanceOf(IOException.class);
                    }
                }
            }
        }
    }

    @Test
    void theAppsLoginThroughTheServerCannotDefineFunctionsNorTouchFiles() throws Exception {
        try (FaultlineStore store = FaultlineStore.open(db())) {
            Properties secret = read(dir.resolve("faultline.secret"));
            try (Connection c = throughTheServer("FAULTLINE", secret.getProperty("app"));
                    Statement s = c.createStatement()) {
                assertThat(s.executeQuery("SELECT COUNT(*) FROM run").next())
                        .as("the app's tables")
                        .isTrue();
                for (String attack : List.of(
                        "CREATE ALIAS EXEC AS 'String exec(String c) throws Exception { return c; }'",
                        "SELECT FILE_WRITE('x', '" + dir.resolve("planted") + "')",
                        "SELECT FILE_READ('/etc/hostname')",
                        "CALL CSVWRITE('" + dir.resolve("planted.csv") + "', 'SELECT 1')",
                        "CREATE LINKED TABLE l('org.h2.Driver', 'jdbc:h2:mem:x', '', '', 'T')",
                        "CREATE TABLE planted (x INT)",
                        "CREATE USER intruder PASSWORD 'x' ADMIN",
                        "ALTER USER FAULTLINE ADMIN TRUE",
                        "RUNSCRIPT FROM '" + dir.resolve("none.sql") + "'")) {
                    assertThatThrownBy(() -> s.execute(attack)).as(attack).isInstanceOf(SQLException.class);
                }
            }
            assertThat(dir.resolve("planted")).doesNotExist();
            assertThat(dir.resolve("planted.csv")).doesNotExist();
        }
    }

    @Test
    void theOldLoginWithAnEmptyPasswordIsRefused() throws Exception {
        try (FaultlineStore store = FaultlineStore.open(db())) {
            assertThatThrownBy(() -> throughTheServer("sa", "").close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> throughTheServer("SA", "").close()).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void theDatabaseItsLockFileAndItsSecretAreForTheUserOnly() throws Exception {
        try (FaultlineStore store = FaultlineStore.open(db())) {
            for (String f : List.of("faultline.mv.db", "faultline.lock.db", "faultline.secret")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(f))))
                        .as(f)
                        .isEqualTo("rw-------");
            }
        }
    }

    /** A database made by an earlier Faultline: migrated by the old login, with runs in it. */
    private void oldDatabaseWithARun() throws Exception {
        String url = "jdbc:h2:file:" + db() + ";AUTO_SERVER=TRUE;DB_CLOSE_DELAY=0";
        Flyway.configure(getClass().getClassLoader())
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO experiment (name, title, sha256, runbook, first_seen) VALUES ('old', 'Old', '"
                    + "e".repeat(64) + "', 'x', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO run (id, experiment_id, environment, status, started_at) SELECT 'old-run', id,"
                    + " 'sandbox', 'HELD', CURRENT_TIMESTAMP FROM experiment");
        }
    }

    @Test
    void anOldDatabaseGetsAPasswordAndKeepsItsRuns() throws Exception {
        oldDatabaseWithARun();
        try (FaultlineStore store = FaultlineStore.open(db())) {
            assertThat(store.findRun("old-run")).isPresent();
            assertThatThrownBy(() -> throughTheServer("sa", "").close()).isInstanceOf(SQLException.class);
        }
        try (FaultlineStore again = FaultlineStore.open(db())) {
            assertThat(again.findRun("old-run")).isPresent();
        }
    }

    @Test
    void aMigrationCutShortAfterTheSecretWasWrittenIsFinishedOnTheNextOpen() throws Exception {
        oldDatabaseWithARun();
        // As if the last Faultline died after writing the secret but before the database took it.
        Files.writeString(
                dir.resolve("faultline.secret"),
                "admin=Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFy\n" + "app=YmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9v\n");
        try (FaultlineStore store = FaultlineStore.open(db())) {
            assertThat(store.findRun("old-run")).isPresent();
        }
        try (FaultlineStore again = FaultlineStore.open(db())) {
            assertThat(again.findRun("old-run")).isPresent();
        }
    }

    @Test
    void aLostSecretGivesOneLineThatSaysWhatToDo() throws Exception {
        try (FaultlineStore store = FaultlineStore.open(db())) {
            store.saveExperiment("x", "X", "t", "f".repeat(64));
        }
        Files.delete(dir.resolve("faultline.secret"));
        assertThatThrownBy(() -> FaultlineStore.open(db()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("faultline.secret")
                .hasMessageContaining("move")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anotherProcessUsesTheDatabaseThroughTheServerWithTheSameLogins() throws Exception {
        try (FaultlineStore store = FaultlineStore.open(db())) {
            Process other = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElse("java"),
                            "-cp",
                            System.getProperty("java.class.path"),
                            OtherProcessStore.class.getName(),
                            db().toString(),
                            "from-other")
                    .redirectErrorStream(true)
                    .start();
            assertThat(other.waitFor(90, TimeUnit.SECONDS)).isTrue();
            String said = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(other.exitValue()).as(said).isZero();
            assertThat(said).contains("stored from-other");
            assertThat(store.findRun("from-other")).isPresent();
        }
    }
}
