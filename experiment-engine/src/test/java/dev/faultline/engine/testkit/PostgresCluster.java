package dev.faultline.engine.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A throwaway PostgreSQL server for tests: Debian's {@code postgresql} package (initdb, pg_ctl),
 * a cluster in a temporary folder, listening on a free port on 127.0.0.1 only, with password
 * (SCRAM) logins. PostgreSQL refuses to run as root, so when the tests run as root (CI does) the
 * cluster is made and run as {@code nobody} through {@code runuser}, in a folder that user owns.
 * Every wait is bounded (pg_ctl's {@code -t}, and a process timeout on top). {@link #close} stops
 * the server at once ({@code -m immediate}) and deletes the folder; a JVM that ends without it
 * stops the server in a shutdown hook.
 */
public final class PostgresCluster implements AutoCloseable {
    private static final String RUN_AS = "nobody";
    private static final int WAIT_SECONDS = 30;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path dir;
    private final int port;
    private final String adminPassword;
    private final boolean asRoot;
    private final Thread stopAtExit;
    private volatile boolean closed;

    /** A database of its own with an owner login of its own, for one test. */
    public record TestDatabase(String url, String user, String password, int port, String name) {
        @Override
        public String toString() {
            return "TestDatabase[" + url + ", user=" + user + "]";
        }

        /** Settings for this database, its password in {@code passwordFile} (written now) as a file: reference. */
        public dev.faultline.engine.store.SharedStoreSettings settings(Path passwordFile) throws IOException {
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            return new dev.faultline.engine.store.SharedStoreSettings(
                    url, user, new dev.faultline.engine.spi.SecretRef("file:" + passwordFile.toAbsolutePath()));
        }
    }

    private PostgresCluster(Path bin, Path dir, int port, String adminPassword, boolean asRoot) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.adminPassword = adminPassword;
        this.asRoot = asRoot;
        this.stopAtExit = new Thread(this::stopQuietly, "postgres-cluster-stop");
    }

    /** Makes and starts a cluster with default settings. */
    public static PostgresCluster start() throws IOException, InterruptedException {
        return start(List.of());
    }

    /**
     * Makes and starts a cluster; {@code settings} are extra {@code postgresql.conf} lines (such as
     * {@code ssl = on}). A port taken between choosing it and the server binding it is retried with
     * another one (three tries).
     */
    public static PostgresCluster start(List<String> settings) throws IOException, InterruptedException {
        return start(settings, List.of());
    }

    /**
     * As {@link #start(List)}, with {@code files} copied into the data folder first (private to the
     * server's user), e.g. {@code server.crt} and {@code server.key} for {@code ssl = on}.
     */
    public static PostgresCluster start(List<String> settings, List<Path> files)
            throws IOException, InterruptedException {
        Path bin = findBin();
        boolean asRoot = isRoot();
        Path dir = Files.createTempDirectory("faultline-pg");
        if (asRoot) {
            owned(dir);
        }
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Path pwfile = dir.resolve("pw");
        Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
        if (asRoot) {
            owned(pwfile);
        }
        Path data = dir.resolve("data");
        exec(
                asRoot,
                dir,
                List.of(
                        bin.resolve("initdb").toString(),
                        "-D",
                        data.toString(),
                        "-U",
                        "faultline_test_admin",
                        "-A",
                        "scram-sha-256",
                        "--pwfile=" + pwfile,
                        "-E",
                        "UTF8",
                        "--locale=C",
                        "--no-sync"));
        Files.delete(pwfile);
        List<String> conf = new ArrayList<>(List.of(
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + dir + "'",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                "max_connections = 200",
                "shared_buffers = 32MB"));
        conf.addAll(settings);
        for (Path f : files) {
            Path copy = data.resolve(f.getFileName());
            Files.copy(f, copy);
            Files.setPosixFilePermissions(copy, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            if (asRoot) {
                owned(copy);
            }
        }
        Files.writeString(
                data.resolve("postgresql.conf"),
                "\n" + String.join("\n", conf) + "\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            try {
                exec(
                        asRoot,
                        dir,
                        List.of(
                                bin.resolve("pg_ctl").toString(),
                                "-D",
                                data.toString(),
                                "-o",
                                "-p " + port,
                                "-l",
                                dir.resolve("log").toString(),
                                "-w",
                                "-t",
                                String.valueOf(WAIT_SECONDS),
                                "start"));
                PostgresCluster c = new PostgresCluster(bin, dir, port, password, asRoot);
                Runtime.getRuntime().addShutdownHook(c.stopAtExit);
                return c;
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IOException("PostgreSQL did not start in " + dir + " (log: " + tail(dir.resolve("log")) + ")", last);
    }

    /** The server's folder (its data is under {@code data}). */
    public Path dir() {
        return dir;
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    public int port() {
        return port;
    }

    public String adminUser() {
        return "faultline_test_admin";
    }

    public String adminPassword() {
        return adminPassword;
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A superuser connection to {@code database}. */
    public Connection admin(String database) throws SQLException {
        return DriverManager.getConnection(url(database), adminUser(), adminPassword);
    }

    /** A new database owned by a new login with a random password. */
    public TestDatabase newDatabase() throws SQLException {
        String name = "faultline_t" + DATABASES.incrementAndGet();
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        try (Connection c = admin("postgres");
                Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
            st.execute("CREATE DATABASE " + name + " OWNER " + name);
        }
        return new TestDatabase(url(name), name, password, port, name);
    }

    /** Runs {@code pg_ctl} with {@code args} (reload, stop, start ...) as the cluster's user. */
    public void pgCtl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(
                List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir().toString()));
        cmd.addAll(List.of(args));
        exec(asRoot, dir, cmd);
    }

    /** Gives {@code file} to the cluster's user (when running as root), so the server can read it. */
    public void handOver(Path file) throws IOException {
        if (asRoot) {
            owned(file);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // the JVM is already exiting: the hook runs (stopQuietly is idempotent)
        }
        deleteTree(dir);
    }

    private synchronized void stopQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            pgCtl("-m", "immediate", "-w", "-t", String.valueOf(WAIT_SECONDS), "stop");
        } catch (IOException e) {
            // not running any more (already stopped by a test): nothing to stop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path findBin() throws IOException {
        String explicit = System.getenv("FAULTLINE_PG_BIN");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(
                                v -> version(v.getFileName().toString())))
                        .orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            }
        }
        throw new IOException("PostgreSQL's server programs are not installed (no /usr/lib/postgresql/*/bin/initdb):"
                + " apt-get install -y postgresql (./scripts/test does it), or set FAULTLINE_PG_BIN");
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isRoot() throws IOException {
        Path probe = Files.createTempFile("faultline-uid", "");
        try {
            return ((Integer) Files.getAttribute(probe, "unix:uid")) == 0;
        } finally {
            Files.delete(probe);
        }
    }

    private static void owned(Path p) throws IOException {
        UserPrincipal user = p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(RUN_AS);
        Files.setOwner(p, user);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void exec(boolean asRoot, Path dir, List<String> command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asRoot) {
            cmd.addAll(List.of("runuser", "-u", RUN_AS, "--"));
        }
        cmd.addAll(command);
        Path out = Files.createTempFile(dir, "cmd", ".out");
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        try {
            if (!p.waitFor(WAIT_SECONDS + 15, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IOException(String.join(" ", command) + " did not finish in " + (WAIT_SECONDS + 15) + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": "
                        + Files.readString(out, StandardCharsets.UTF_8).strip());
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "no log";
        }
    }

    private static void deleteTree(@Nullable Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind: the OS cleans /tmp
        }
    }
}
