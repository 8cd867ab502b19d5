package dev.faultline.engine.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a folder, to be filled up for real: writes on it then fail with the
 * kernel's ENOSPC ("No space left on device"), as on a full {@code $FAULTLINE_HOME}. Mounting
 * needs root (CAP_SYS_ADMIN); where it is not allowed the test is skipped, saying why.
 */
public final class SmallTmpfs implements AutoCloseable {
    private final Path dir;
    private final Path filler;

    private SmallTmpfs(Path dir) {
        this.dir = dir;
        this.filler = dir.resolve("filler");
    }

    /** Mounts a tmpfs of {@code size} (as mount takes it: 256k, 16m) on {@code dir}. */
    public static SmallTmpfs mount(Path dir, String size) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int code = exec("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", dir.toString());
        assumeTrue(
                code == 0,
                "mounting a tmpfs is not permitted here (mount exited with " + code
                        + "): the full-disk tests need root");
        return new SmallTmpfs(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Writes a filler file until the file system refuses more: every later allocation fails. */
    public void fill() throws IOException {
        byte[] chunk = new byte[4096];
        try (OutputStream out = Files.newOutputStream(
                filler, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            for (int i = 0; i < 1_000_000; i++) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
            return;
        }
        throw new IllegalStateException("the tmpfs on " + dir + " never filled up");
    }

    /**
     * Pads a fault journal with a line it ignores, so that it ends {@code room} bytes before a page
     * boundary: on a full tmpfs a later append then fails after exactly {@code room} bytes (0: at once).
     */
    public static void endJournalBeforePageBoundary(Path journal, int room) throws IOException {
        int page = 4096;
        long size = Files.size(journal);
        String head = "{\"op\":\"note\",\"id\":\"pad\",\"detail\":\"";
        String tail = "\"}\n";
        long target = ((size + head.length() + tail.length()) / page + 1) * page - room;
        String pad = head + "x".repeat((int) (target - size - head.length() - tail.length())) + tail;
        Files.writeString(
                journal, pad, java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        if (Files.size(journal) % page != (page - room) % page) {
            throw new IllegalStateException("the journal was not padded to " + room + " bytes before a page boundary");
        }
    }

    /** Frees the space the filler took. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        free();
        exec("umount", "-l", dir.toString());
    }

    private static int exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
