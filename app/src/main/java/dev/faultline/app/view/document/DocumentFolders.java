package dev.faultline.app.view.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where documents go: the user's runbooks folder ({@code $FAULTLINE_HOME/runbooks}) and the
 * installation's shipped runbooks, which are never written.
 */
public record DocumentFolders(Path userRunbooks, Path shipped) {

    public DocumentFolders {
        userRunbooks = userRunbooks.toAbsolutePath().normalize();
        shipped = shipped.toAbsolutePath().normalize();
    }

    /** For the home folder {@code home} and the installation's runbooks folder. */
    public static DocumentFolders of(Path home, Path shipped) {
        return new DocumentFolders(home.resolve("runbooks"), shipped);
    }

    /** A runbook that ships with Faultline: opened read-only, saved as a copy. */
    public boolean isShipped(Path file) {
        return file.toAbsolutePath().normalize().startsWith(shipped);
    }

    /** The user's runbooks folder, made when missing. */
    public Path userFolder() {
        try {
            return Files.createDirectories(userRunbooks);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not create " + userRunbooks + " (" + e.getMessage() + "); check its permissions", e);
        }
    }

    /**
     * Where a file dialog starts: the last folder used when it still exists and is not the
     * installation's, else the user's runbooks folder.
     */
    public Path startFolder(@Nullable Path lastUsed) {
        if (lastUsed != null && Files.isDirectory(lastUsed) && !isShipped(lastUsed)) {
            return lastUsed.toAbsolutePath().normalize();
        }
        return userFolder();
    }
}
