package dev.faultline.engine.env;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files and folders only their owner can read: folders 0700, files 0600, as a umask of 077 would
 * make them. On a file system without POSIX permissions (Windows, FAT) the calls do what they can
 * and skip the permissions; the user's profile folder is private there already.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> GROUP_AND_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {}

    static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** {@code dir} and its missing parents, those made here 0700. */
    public static Path createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        if (posix(dir)) {
            return Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createDirectories(dir);
    }

    /**
     * Takes the group's and others' rights off {@code p} (its owner's stay, an executable stays
     * executable); a symbolic link is left alone, never followed.
     */
    public static void restrict(Path p) throws IOException {
        if (!posix(p) || Files.isSymbolicLink(p) || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PosixFileAttributeView view =
                Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        try {
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            if (perms.removeAll(GROUP_AND_OTHERS)) {
                view.setPermissions(perms);
            }
        } catch (NoSuchFileException e) {
            // gone meanwhile (a lock file whose database closed): nothing left to protect
        }
    }

    /**
     * Creates {@code file}, which must not exist, as 0600 from the start (never readable by others,
     * not even for a moment), and opens it for writing.
     */
    public static FileChannel createNew(Path file) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (posix(file)) {
            return FileChannel.open(
                    file, options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return FileChannel.open(file, options);
    }
}
