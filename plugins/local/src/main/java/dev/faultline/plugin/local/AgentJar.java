package dev.faultline.plugin.local;

import dev.faultline.engine.spi.BackendException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * The JVM fault agent's jar as target JVMs load it: a copy of the jar embedded in this plugin, in a
 * folder private to the user ({@code $FAULTLINE_HOME/agent}, 0700, the jar 0600). Before every
 * attach the whole file is hashed (SHA-256) and compared with the embedded jar's hash; a file that
 * differs is replaced (written to a new file beside it, then moved over it atomically). A symbolic
 * link, something other than a plain file or folder, or a file or folder of another user is never
 * used nor replaced: it is refused, with what to do.
 */
final class AgentJar {
    private static final String RESOURCE = "jvm/faultline-jvm-agent.jar";
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final Path folder;

    AgentJar(Path folder) {
        this.folder = folder.toAbsolutePath();
    }

    Path folder() {
        return folder;
    }

    /** The jar, checked byte for byte against the embedded one (and put right if it was not) just now. */
    Path verified() throws BackendException {
        Embedded embedded = Embedded.load();
        Path jar = folder.resolve("faultline-jvm-agent-"
                + HexFormat.of().formatHex(embedded.sha256()).substring(0, 16) + ".jar");
        try {
            privateFolder();
            for (int attempt = 0; attempt < 2; attempt++) {
                if (matches(jar, embedded.sha256())) {
                    return jar;
                }
                install(jar, embedded.bytes());
            }
            throw refused(jar + " changed while Faultline wrote it; is another program writing to " + folder + "?");
        } catch (IOException e) {
            throw refused("cannot keep the JVM fault agent in " + folder + ": " + e.getMessage());
        } catch (UnsupportedOperationException e) {
            throw refused(
                    "the file system of " + folder + " has no owners or POSIX modes, which the agent's private folder"
                            + " needs (JVM faults run on Linux and macOS)");
        }
    }

    /** Makes the folder (0700) or checks the one there: a real folder of this user, tightened to 0700. */
    private void privateFolder() throws IOException, BackendException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder, owner(FOLDER));
        }
        BasicFileAttributes a = ownAttributes(folder);
        if (!a.isDirectory()) {
            throw refused(folder + " is not a folder; remove it, Faultline keeps the JVM fault agent there");
        }
        if (!Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS).equals(FOLDER)) {
            Files.setPosixFilePermissions(folder, FOLDER);
        }
    }

    /** Whether the jar is a plain file of this user whose whole content has the embedded jar's hash. */
    private static boolean matches(Path jar, byte[] sha256) throws IOException, BackendException {
        BasicFileAttributes a;
        try {
            a = ownAttributes(jar);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (!a.isRegularFile()) {
            throw refused(jar + " is not a plain file; remove it, Faultline writes the JVM fault agent there");
        }
        MessageDigest digest = newDigest();
        try (SeekableByteChannel in = Files.newByteChannel(jar, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            while (in.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        }
        if (!MessageDigest.isEqual(digest.digest(), sha256)) {
            return false;
        }
        if (!Files.getPosixFilePermissions(jar, LinkOption.NOFOLLOW_LINKS).equals(FILE)) {
            Files.setPosixFilePermissions(jar, FILE);
        }
        return true;
    }

    /** Writes the jar to a new file (0600) beside it, then moves it over whatever is there, atomically. */
    private void install(Path jar, byte[] bytes) throws IOException {
        Path part = Files.createTempFile(folder, jar.getFileName() + ".", ".part", owner(FILE));
        try {
            Files.write(
                    part,
                    bytes,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    LinkOption.NOFOLLOW_LINKS);
            Files.move(part, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** A path's own attributes (a link is not followed), refused when a link or another user's. */
    private static BasicFileAttributes ownAttributes(Path p) throws IOException, BackendException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
            throw refused(p + " is a symbolic link; Faultline never follows one to the JVM fault agent: remove it");
        }
        int uid = Uids.owner(p);
        int self = Uids.self().orElseThrow(() -> refused("cannot tell which user runs Faultline on this system"));
        if (uid != self) {
            throw refused(p + " belongs to uid " + uid + ", not to uid " + self + " that runs Faultline; remove it,"
                    + " or set FAULTLINE_HOME to a folder of your own");
        }
        return a;
    }

    private static FileAttribute<Set<PosixFilePermission>> owner(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }

    private static BackendException refused(String why) {
        return new BackendException(LocalBackendProvider.ID, "JVM fault agent: " + why);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The jar embedded in this plugin, and its hash; read once. */
    private record Embedded(byte[] bytes, byte[] sha256) {
        private static volatile Embedded loaded;

        static Embedded load() throws BackendException {
            Embedded e = loaded;
            if (e == null) {
                try (InputStream in = AgentJar.class.getResourceAsStream(RESOURCE)) {
                    if (in == null) {
                        throw refused("missing from the local plugin (build it with mvn package)");
                    }
                    byte[] bytes = in.readAllBytes();
                    e = new Embedded(bytes, newDigest().digest(bytes));
                    loaded = e;
                } catch (IOException ex) {
                    throw refused("cannot read it from the local plugin: " + ex.getMessage());
                }
            }
            return e;
        }
    }
}
