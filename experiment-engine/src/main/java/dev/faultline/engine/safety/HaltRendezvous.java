package dev.faultline.engine.safety;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the running Faultlines of one user find each other, outside any {@code FAULTLINE_HOME}: a
 * directory only its user may enter ({@code /tmp/faultline-<uid>}, or {@code $FAULTLINE_RUNTIME_DIR}),
 * holding one Unix domain socket per running Faultline, named by its pid and start time. Sockets are
 * made when a process starts, so reaching them later needs no free disk space.
 *
 * <p>The directory is made 0700 and, before every use, checked to be a real directory (not a link)
 * that this user owns and nobody else may enter; one that fails the check is never used.
 */
public final class HaltRendezvous {
    private static final Logger log = LoggerFactory.getLogger(HaltRendezvous.class);
    /** sun_path holds 108 bytes with its terminating zero. */
    private static final int MAX_SOCKET_PATH = 107;

    private static final Set<PosixFilePermission> PRIVATE = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Path dir;

    public HaltRendezvous(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /** {@code $FAULTLINE_RUNTIME_DIR} when set, else {@code /tmp/faultline-<uid>}: the same for every process of the user. */
    public static HaltRendezvous fromEnvironment() {
        return resolve(System.getenv());
    }

    static HaltRendezvous resolve(Map<String, String> env) {
        String explicit = env.get("FAULTLINE_RUNTIME_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return new HaltRendezvous(Path.of(explicit));
        }
        return new HaltRendezvous(
                Path.of("/tmp", "faultline-" + new com.sun.security.auth.module.UnixSystem().getUid()));
    }

    public Path dir() {
        return dir;
    }

    /** Makes the directory if it is missing and checks it is ours and private; throws saying what is wrong. */
    public Path ensurePrivate() throws IOException {
        try {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE));
        } catch (FileAlreadyExistsException e) {
            // checked below
        }
        checkPrivate();
        return dir;
    }

    /** Throws when the directory is a link, not a directory, owned by another user, or open to others. */
    public void checkPrivate() throws IOException {
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink() || !a.isDirectory()) {
            throw new IOException(
                    "halt rendezvous " + dir + " is not a directory (a link or a file): refusing to use it;"
                            + " remove it or set FAULTLINE_RUNTIME_DIR to a private directory");
        }
        UserPrincipal me = currentUser();
        if (!a.owner().equals(me)) {
            throw new IOException(
                    "halt rendezvous " + dir + " belongs to " + a.owner().getName() + ", not to " + me.getName()
                            + ": refusing to use it; set FAULTLINE_RUNTIME_DIR to a private directory");
        }
        if (!PRIVATE.containsAll(a.permissions())) {
            throw new IOException("halt rendezvous " + dir + " is open to others ("
                    + PosixFilePermissions.toString(a.permissions()) + "): refusing to use it; chmod 700 it");
        }
    }

    /** This process's user, as the file system names owners. */
    static UserPrincipal currentUser() throws IOException {
        Path self = Path.of("/proc/self");
        if (Files.isDirectory(self)) {
            return Files.getOwner(self); // follows the link to /proc/<pid>, owned by our user
        }
        return dirFileSystemUsers().lookupPrincipalByName(System.getProperty("user.name"));
    }

    private static java.nio.file.attribute.UserPrincipalLookupService dirFileSystemUsers() {
        return java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService();
    }

    /** Where a process's socket lives; throws when the path is too long for a Unix socket. */
    Path socketOf(ProcessOwner owner, int n) throws IOException {
        Path socket = dir.resolve(HaltPeer.socketName(owner, n));
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            throw new IOException("halt rendezvous " + dir + " is too deep for a Unix socket path (at most "
                    + MAX_SOCKET_PATH + " bytes): set FAULTLINE_RUNTIME_DIR to a shorter path");
        }
        return socket;
    }

    static Path homeNoteOf(Path socket) {
        String name = socket.getFileName().toString();
        return socket.resolveSibling(name.substring(0, name.length() - ".sock".length()) + ".home");
    }

    /**
     * Every other running Faultline of this user. Sockets of processes that are gone are removed
     * on the way. Empty when the directory does not exist yet; throws when it is not safe to use.
     */
    public List<HaltPeer> peers() throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        checkPrivate();
        ProcessOwner self = ProcessOwner.current();
        List<HaltPeer> peers = new ArrayList<>();
        try (DirectoryStream<Path> sockets = Files.newDirectoryStream(dir, "*.sock")) {
            for (Path socket : sockets) {
                Optional<ProcessOwner> owner = HaltPeer.ownerOf(socket);
                if (owner.isEmpty() || owner.get().pid() == self.pid()) { // our own kill switch is pressed directly
                    continue;
                }
                if (!owner.get().isAlive()) {
                    removeStale(socket);
                    continue;
                }
                peers.add(new HaltPeer(owner.get(), socket, readHome(socket)));
            }
        }
        return peers;
    }

    private static Optional<Path> readHome(Path socket) {
        try {
            String text =
                    Files.readString(homeNoteOf(socket), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void removeStale(Path socket) {
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(homeNoteOf(socket));
            log.info("removed the halt socket of a Faultline that is gone: {}", socket);
        } catch (IOException e) {
            log.warn("could not remove a stale halt socket {}: {}", socket, e.getMessage());
        }
    }
}
