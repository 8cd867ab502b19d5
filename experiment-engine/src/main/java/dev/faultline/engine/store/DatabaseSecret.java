package dev.faultline.engine.store;

import dev.faultline.engine.env.PrivateFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The database's two passwords, generated once and kept in a 0600 file beside it: {@code admin}
 * (H2's {@code SA}, used only to migrate) and {@code app} (the {@code FAULTLINE} login every
 * connection uses). {@code toString()} shows neither.
 *
 * <p>The file is written in full and forced to disk under a temporary name, then linked into place
 * only if no other Faultline got there first: two processes starting at once agree on one secret,
 * and the database is only ever given a password that is already safely on disk.
 */
record DatabaseSecret(String admin, String app) {
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    DatabaseSecret {
        if (!VALUE.matcher(admin).matches() || !VALUE.matcher(app).matches()) {
            throw new IllegalArgumentException("a database password must be 16 to 128 letters, digits, '-' or '_'");
        }
    }

    @Override
    public String toString() {
        return "DatabaseSecret[****]";
    }

    /** The secret in {@code file}, made first if there is none. */
    static DatabaseSecret loadOrCreate(Path file) throws StoreException {
        try {
            if (!Files.exists(file)) {
                PrivateFiles.createDirectories(StoreSettingsFile.folderOf(file));
                create(file);
            }
            PrivateFiles.restrict(file);
            return read(file);
        } catch (IOException e) {
            throw new StoreException(
                    "cannot " + (Files.exists(file) ? "read" : "write") + " the database's password file "
                            + file + ": " + Database.rootMessage(e)
                            + ": Faultline must own its home folder and be able to write"
                            + " there (set FAULTLINE_HOME to a folder of your own)",
                    e);
        }
    }

    private static DatabaseSecret read(Path file) throws IOException, StoreException {
        Properties p = new Properties();
        try (Reader r = new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1))) {
            p.load(r);
        }
        String admin = p.getProperty("admin", "");
        String app = p.getProperty("app", "");
        if (!VALUE.matcher(admin).matches() || !VALUE.matcher(app).matches()) {
            throw new StoreException(
                    "the database's password file " + file + " is damaged (it needs an 'admin' and an"
                            + " 'app' line): put back a good copy, or move it and the database aside and start again; your"
                            + " past runs stay in the moved database",
                    new IllegalArgumentException("bad " + file));
        }
        return new DatabaseSecret(admin, app);
    }

    private static void create(Path file) throws IOException {
        SecureRandom random = new SecureRandom();
        Properties p = new Properties();
        p.setProperty("admin", newPassword(random));
        p.setProperty("app", newPassword(random));
        StringWriter text = new StringWriter();
        p.store(text, "Faultline's database passwords: keep this file; without it the database cannot be opened");
        Path tmp = file.resolveSibling(file.getFileName() + ".new-"
                + ProcessHandle.current().pid() + "-" + Long.toHexString(random.nextLong()));
        try {
            try (FileChannel ch = PrivateFiles.createNew(tmp)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.ISO_8859_1));
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
                ch.force(true);
            }
            publish(tmp, file);
            forceFolder(StoreSettingsFile.folderOf(file));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Puts {@code tmp} in place as {@code file} unless {@code file} appeared meanwhile (another process won). */
    private static void publish(Path tmp, Path file) throws IOException {
        try {
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException e) {
            // another Faultline wrote the secret first: use its
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            // no hard links here (FAT, some network file systems): a move that does not replace
            if (!Files.exists(file)) {
                Files.move(tmp, file);
            }
        }
    }

    private static void forceFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every platform can force a folder; the file itself is on disk
        }
    }

    private static String newPassword(SecureRandom random) {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
