package dev.faultline.sandbox;

import dev.faultline.plugin.local.proxy.ChaosProxyMain;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A class-data sharing archive per sandbox service (the JDK's dynamic AppCDS): the first start of a
 * service writes, when it exits, the classes it loaded to an archive file; every later start maps
 * them instead of finding, reading and verifying them in the class path's jars again. The file's
 * name carries a key of the runtime and the jars (see {@link #options}), and the JVM checks the
 * archive against both again: a stale archive is never used.
 *
 * <p>One archive per service, because the services load different classes and because two JVMs
 * must never write one file at once: only one process of a service runs at a time (the watchdog
 * restarts a dead one). The folder is {@code HOME/cds}, made on the first start of that home; or
 * {@code FAULTLINE_SANDBOX_CDS}, a folder that many homes share (tests, whose homes are temporary).
 *
 * <p>An archive covers jars only (the JVM refuses to archive with a non-empty folder on the class
 * path): the services get the jars of Faultline's class path when those hold every service's
 * classes (a folder there, such as a build's test classes, is nothing a service uses); when a
 * service's classes are in a folder (the runbooks module's own tests), the services start as before,
 * with the whole class path and no archive.
 */
final class ClassArchive {
    static final String ENV = "FAULTLINE_SANDBOX_CDS";

    private ClassArchive() {}

    static Path folder(SandboxOptions o) {
        String shared = System.getenv(ENV);
        return shared == null || shared.isBlank() ? o.home().resolve("cds") : Path.of(shared);
    }

    /**
     * The jars of {@code classPath}, when the services' classes are in them (in this JVM, that is
     * where they were loaded from); empty when they are not.
     */
    static Optional<String> jarsOnly(String classPath) {
        List<String> jars = new ArrayList<>();
        List<Path> where = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isRegularFile(Path.of(entry))) {
                jars.add(entry);
                where.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        for (Class<?> service : List.of(PaymentService.class, ChaosProxyMain.class)) {
            Optional<Path> from = loadedFrom(service);
            if (from.isEmpty()
                    || !Files.isRegularFile(from.get())
                    || !where.contains(from.get().toAbsolutePath().normalize())) {
                return Optional.empty();
            }
        }
        return Optional.of(String.join(File.pathSeparator, jars));
    }

    /**
     * The JVM options that use (or, on a first start, write at exit) the service's archive for this
     * class path and runtime: {@code NAME-KEY.jsa}, where the key changes with the runtime and with
     * any jar's path, size or time (a rebuilt or upgraded jar). The JVM would refuse an archive of
     * other jars but not write a new one; a new key makes a new archive, and the service's archives of
     * earlier keys are removed.
     */
    static List<String> options(Path folder, String service, String jars) throws IOException {
        String name = service + "-" + key(jars) + ".jsa";
        try (DirectoryStream<Path> old = Files.newDirectoryStream(folder, service + "-*.jsa")) {
            for (Path p : old) {
                if (!p.getFileName().toString().equals(name)) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return List.of(
                "-XX:SharedArchiveFile=" + folder.resolve(name),
                "-XX:+AutoCreateSharedArchive",
                // a missing or half-written archive is expected (first start, a stop cut short): not a warning
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off");
    }

    private static String key(String jars) throws IOException {
        StringBuilder what = new StringBuilder(System.getProperty("java.home", ""))
                .append('|')
                .append(Runtime.version());
        for (String jar : jars.split(File.pathSeparator)) {
            Path p = Path.of(jar);
            what.append('|')
                    .append(jar)
                    .append(':')
                    .append(Files.size(p))
                    .append(':')
                    .append(Files.getLastModifiedTime(p).toMillis());
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(what.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Optional<Path> loadedFrom(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
