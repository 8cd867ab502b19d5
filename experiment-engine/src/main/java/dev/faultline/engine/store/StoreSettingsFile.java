package dev.faultline.engine.store;

import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.env.PrivateFiles;
import dev.faultline.engine.spi.SecretRef;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code store.properties} in Faultline's home: the shared store this desktop uses ({@code url},
 * {@code user}, {@code password} as a reference). No file: the local H2 database. The file holds no
 * secret (the password is a reference), and is kept private like the rest of the home.
 */
public final class StoreSettingsFile {
    private final Path file;

    private StoreSettingsFile(Path file) {
        this.file = file;
    }

    public static StoreSettingsFile of(FaultlineHome home) {
        return new StoreSettingsFile(home.root().resolve("store.properties"));
    }

    public Path path() {
        return file;
    }

    /** The shared store set here, or empty for the local database. */
    public Optional<SharedStoreSettings> read() throws StoreException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
            p.load(r);
        } catch (IOException e) {
            throw new StoreException(
                    "cannot read the store settings " + file + ": " + Database.rootMessage(e)
                            + ": make it readable, or remove it to use the local database",
                    e);
        }
        String url = p.getProperty("url", "").strip();
        String user = p.getProperty("user", "").strip();
        String password = p.getProperty("password", "").strip();
        try {
            return Optional.of(new SharedStoreSettings(url, user, new SecretRef(password)));
        } catch (IllegalArgumentException e) {
            throw new StoreException(
                    "the store settings " + file + " are not usable: " + e.getMessage()
                            + " (fix them in Settings, or remove the file to use the local database)",
                    e);
        }
    }

    /** Saves {@code settings} (written whole under another name, then moved into place). */
    public void write(SharedStoreSettings settings) throws IOException {
        Properties p = new Properties();
        p.setProperty("url", settings.url());
        p.setProperty("user", settings.user());
        p.setProperty("password", settings.password().reference());
        StringWriter text = new StringWriter();
        p.store(text, "Faultline's shared store (docs/team-mode.md); remove this file to use the local database");
        PrivateFiles.createDirectories(folderOf(file));
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8);
        PrivateFiles.restrict(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Back to the local database. */
    public void remove() throws IOException {
        Files.deleteIfExists(file);
    }

    /** The folder {@code file} is in; the root is its own. */
    static Path folderOf(Path file) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        return folder != null ? folder : absolute;
    }
}
