package dev.faultline.engine.env;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes {@code $FAULTLINE_HOME} private to the user running Faultline, and refuses one that is not
 * theirs: the folder and everything in it lose their group and other rights (0700 folders, 0600
 * files), and a home or a file in it that belongs to someone else is an error. Another user who
 * could read the home could reach the database's server; one who could write it could plant an
 * environments file whose rollbacks Faultline would run.
 */
final class PrivateHome {
    private final Path root;

    PrivateHome(Path root) {
        this.root = root;
    }

    /** Returns warnings: files root left in the home, which stay as they are (see {@link #restrictAll}). */
    List<String> ensure() throws HomeException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new HomeException(
                    "FAULTLINE_HOME " + root + " is a file, not a folder: set FAULTLINE_HOME to a folder"
                            + " of your own (Faultline makes it if missing)");
        }
        try {
            PrivateFiles.createDirectories(root);
        } catch (IOException e) {
            throw new HomeException(
                    "cannot make FAULTLINE_HOME " + root + ": " + reason(e) + " for " + me()
                            + ": set FAULTLINE_HOME to a folder you can write",
                    e);
        }
        List<String> warnings = new ArrayList<>();
        if (PrivateFiles.posix(root)) {
            Optional<UserPrincipal> me = currentUser();
            if (me.isPresent()) {
                checkOwner(me.get());
            }
            restrictAll(me).ifPresent(warnings::add);
        }
        if (!Files.isWritable(root)) {
            throw new HomeException(
                    "FAULTLINE_HOME " + root + " is not writable by you (" + me() + "): Faultline writes"
                            + " its database and fault journal there; give yourself the right (chmod u+rwx " + root
                            + ") or set FAULTLINE_HOME to a folder of your own");
        }
        return List.copyOf(warnings);
    }

    private void checkOwner(UserPrincipal me) throws HomeException {
        UserPrincipal owner;
        try {
            owner = owner(root);
        } catch (IOException e) {
            throw new HomeException(
                    "cannot read who owns FAULTLINE_HOME " + root + ": " + reason(e)
                            + ": set FAULTLINE_HOME to a folder of your own",
                    e);
        }
        if (!owner.equals(me)) {
            throw new HomeException("FAULTLINE_HOME " + root + " belongs to " + owner.getName() + ", not to you ("
                    + me.getName() + "): Faultline trusts what it finds there (database, fault journal, environments),"
                    + " so it only uses a folder of your own; set FAULTLINE_HOME to one, or if this one is yours: chown -R "
                    + me.getName() + " " + root);
        }
    }

    /**
     * Restricts every file of the user's. A file of another user is refused: someone could change
     * what Faultline trusts. One of root's (left by {@code sudo faultline}) is only a warning: root
     * can change anything anyway, and refusing would also stop {@code faultline halt}.
     */
    private Optional<String> restrictAll(Optional<UserPrincipal> me) throws HomeException {
        List<Path> foreign = new ArrayList<>();
        List<Path> roots = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    return visit(dir);
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    return attrs.isSymbolicLink() ? FileVisitResult.CONTINUE : visit(file);
                }

                private FileVisitResult visit(Path p) throws IOException {
                    if (me.isPresent() && !owner(p).equals(me.get())) {
                        (ownerName(p).equals("root") ? roots : foreign).add(p);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    PrivateFiles.restrict(p);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new HomeException(
                    "cannot make FAULTLINE_HOME " + root + " private: " + reason(e) + " for " + me()
                            + ": give the files back to yourself (chown -R " + me() + " " + root + ")",
                    e);
        }
        if (!foreign.isEmpty()) {
            Path first = foreign.get(0);
            throw new HomeException(first + " belongs to " + ownerName(first) + ", not to you (" + me() + ")"
                    + more(foreign) + ": another user put it in your FAULTLINE_HOME, and Faultline will not use a home"
                    + " others can change; look at it, then take it back with: sudo chown -R " + me() + " " + root);
        }
        if (roots.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(roots.get(0) + " belongs to root, not to you (" + me() + ")" + more(roots)
                + ", probably from Faultline run with sudo; Faultline may not be able to write it: give it back with:"
                + " sudo chown -R " + me() + " " + root);
    }

    private String more(List<Path> files) {
        return files.size() > 1 ? " (and " + (files.size() - 1) + " more in " + root + ")" : "";
    }

    private static UserPrincipal owner(Path p) throws IOException {
        return Files.getOwner(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    private static String ownerName(Path p) {
        try {
            return owner(p).getName();
        } catch (IOException e) {
            return "another user";
        }
    }

    private Optional<UserPrincipal> currentUser() {
        try {
            return Optional.of(root.getFileSystem()
                    .getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static String me() {
        return System.getProperty("user.name");
    }

    /** What went wrong with a file, in words: "permission denied on /x/y", "no space left on device". */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "permission denied on " + a.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT) + " (" + f.getFile() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
