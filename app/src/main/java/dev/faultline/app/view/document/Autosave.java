package dev.faultline.app.view.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * Unsaved work kept in {@code $FAULTLINE_HOME/autosave}, one document of each kind: its text
 * ({@code experiment.yaml}) and what it belongs to ({@code experiment.properties}), each written to
 * a temporary file, forced to disk and moved in place, so a crash or a {@code kill -9} at any moment
 * leaves the previous or the new version, never half of one. Removed once saved or discarded.
 */
public final class Autosave {
    private final Path dir;
    private final Clock clock;

    public Autosave(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** Keeps {@code text} as the unsaved state of {@code doc}. */
    public void write(Document doc, String text) throws IOException {
        Files.createDirectories(dir);
        Properties meta = new Properties();
        meta.setProperty("name", doc.name());
        meta.setProperty("at", clock.instant().toString());
        if (doc.file() != null) {
            meta.setProperty("file", doc.file().toAbsolutePath().toString());
        }
        // The text first: the properties name a text that is already complete.
        atomically(text(doc.kind()), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        atomically(meta(doc.kind()), out -> meta.store(out, "Faultline autosave"));
    }

    /** Removes the autosave of {@code kind}, when there is one. */
    public void clear(DocumentKind kind) throws IOException {
        Files.deleteIfExists(meta(kind));
        Files.deleteIfExists(text(kind));
    }

    /** What an earlier session left unsaved, if anything readable. */
    public Optional<Recovery> find(DocumentKind kind) throws IOException {
        if (!Files.isRegularFile(meta(kind)) || !Files.isRegularFile(text(kind))) {
            return Optional.empty();
        }
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(meta(kind))) {
            meta.load(in);
        }
        Instant at;
        try {
            at = Instant.parse(meta.getProperty("at", ""));
        } catch (DateTimeParseException e) {
            at = Files.getLastModifiedTime(text(kind)).toInstant();
        }
        String file = meta.getProperty("file");
        return Optional.of(new Recovery(
                kind,
                file == null ? null : Path.of(file),
                meta.getProperty("name", "untitled.yaml"),
                Files.readString(text(kind), StandardCharsets.UTF_8),
                at));
    }

    public Path folder() {
        return dir;
    }

    private Path text(DocumentKind kind) {
        return dir.resolve(kind.autosaveName() + ".yaml");
    }

    private Path meta(DocumentKind kind) {
        return dir.resolve(kind.autosaveName() + ".properties");
    }

    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    private static void atomically(Path file, Writing writing) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(
                        tmp,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
            writing.to(out);
            out.flush();
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
