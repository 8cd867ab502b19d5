package dev.faultline.plugin.local.stress;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Disk load through one file in a directory. The file is unlinked as soon as it is open, so its
 * space goes back to the file system the moment the stressor ends, however it ends ({@code kill -9}
 * included); while it runs the space shows in {@code df}, not in {@code du}.
 * <ul>
 * <li>write: 1 MiB blocks, each forced to disk, over and over through a file of the size;</li>
 * <li>read: the file is written once, then read over and over in 1 MiB blocks with {@code O_DIRECT},
 * bypassing the page cache (or through it, where the file system refuses direct I/O);</li>
 * <li>fill: the file is written once, forced to disk, and held.</li>
 * </ul>
 * Each keeps to the throughput when one is given.
 */
public final class DiskStressor {
    static final int BLOCK = 1 << 20;
    /**
     * {@code com.sun.nio.file.ExtendedOpenOption.DIRECT} ({@code O_DIRECT}), looked up by name: javac
     * reports every use of that class (exported by {@code jdk.unsupported}) as internal proprietary
     * API, a warning no {@code @SuppressWarnings} silences, and the build treats warnings as errors.
     * Null on a JDK without it: direct I/O is then reported as not working.
     */
    private static final @Nullable OpenOption DIRECT = directOpenOption();

    private final long bytes;
    private final Path dir;
    private final Pacer pacer;
    private final long deadline;

    DiskStressor(long bytes, Path dir, long throughput, long deadline) {
        this.bytes = bytes;
        this.dir = dir;
        this.pacer = new Pacer(throughput);
        this.deadline = deadline;
    }

    private static @Nullable OpenOption directOpenOption() {
        try {
            for (Object option :
                    Class.forName("com.sun.nio.file.ExtendedOpenOption").getEnumConstants()) {
                if (((Enum<?>) option).name().equals("DIRECT")) {
                    return (OpenOption) option;
                }
            }
        } catch (ClassNotFoundException e) {
            // not this JDK's: no direct I/O
        }
        return null;
    }

    /** Whether files in {@code dir} can be read with {@code O_DIRECT}. */
    public static boolean directIoWorks(Path dir) {
        OpenOption direct = DIRECT;
        if (direct == null) {
            return false;
        }
        try {
            Path probe = Files.createTempFile(dir, "faultline-direct-io-", ".probe");
            try (FileChannel ch = FileChannel.open(probe, StandardOpenOption.READ, direct)) {
                return ch.isOpen();
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    void write() throws IOException, InterruptedException {
        ByteBuffer block = randomBlock(BLOCK);
        try (FileChannel f = openUnlinked(StandardOpenOption.WRITE)) {
            long pos = 0;
            for (long done = 0; System.nanoTime() < deadline; done += block.limit()) {
                if (pos >= bytes) {
                    pos = 0;
                }
                block.clear().limit((int) Math.min(BLOCK, bytes - pos));
                pos += writeFully(f, block, pos);
                f.force(false);
                pacer.await(done + block.limit(), deadline);
            }
        }
    }

    void read() throws IOException, InterruptedException {
        long size = bytes - bytes % 4096;
        Path file = Files.createTempFile(dir, "faultline-disk-stress-", ".bin");
        try (FileChannel w = FileChannel.open(file, StandardOpenOption.WRITE)) {
            fill(w, size, new Pacer(0));
            w.force(true);
        }
        boolean direct = directIoWorks(dir);
        try (FileChannel f = direct && DIRECT != null
                ? FileChannel.open(file, StandardOpenOption.READ, DIRECT)
                : FileChannel.open(file, StandardOpenOption.READ)) {
            Files.deleteIfExists(file);
            ByteBuffer block = ByteBuffer.allocateDirect(BLOCK + 4096).alignedSlice(4096);
            long pos = 0;
            for (long done = 0; System.nanoTime() < deadline; ) {
                if (pos >= size) {
                    pos = 0;
                }
                block.clear().limit((int) Math.min(BLOCK, size - pos));
                int n = f.read(block, pos);
                if (n <= 0) {
                    pos = size;
                    continue;
                }
                pos += n;
                done += n;
                pacer.await(done, deadline);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    void fillAndHold() throws IOException, InterruptedException {
        try (FileChannel f = openUnlinked(StandardOpenOption.WRITE)) {
            try {
                fill(f, bytes, pacer);
                f.force(true);
            } catch (IOException full) {
                // the file system is full before the size: that is the fault, hold what was written
            }
            while (System.nanoTime() < deadline) {
                Thread.sleep(Math.max(1, Math.min(1_000, (deadline - System.nanoTime()) / 1_000_000)));
            }
        }
    }

    /** Writes {@code size} bytes from the start, forcing them to disk every 64 MiB. */
    private void fill(FileChannel f, long size, Pacer pace) throws IOException, InterruptedException {
        ByteBuffer block = randomBlock(BLOCK);
        for (long pos = 0; pos < size && System.nanoTime() < deadline; ) {
            block.clear().limit((int) Math.min(BLOCK, size - pos));
            pos += writeFully(f, block, pos);
            if (pos % (64L * BLOCK) == 0) {
                f.force(false);
            }
            pace.await(pos, deadline);
        }
    }

    private FileChannel openUnlinked(OpenOption mode) throws IOException {
        Path file = Files.createTempFile(dir, "faultline-disk-stress-", ".bin");
        try {
            return FileChannel.open(file, mode);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static int writeFully(FileChannel f, ByteBuffer b, long pos) throws IOException {
        int total = 0;
        while (b.hasRemaining()) {
            total += f.write(b, pos + total);
        }
        return total;
    }

    /** Incompressible bytes, so file systems that compress or deduplicate still store them all. */
    private static ByteBuffer randomBlock(int size) {
        byte[] data = new byte[size];
        ThreadLocalRandom.current().nextBytes(data);
        return ByteBuffer.wrap(data);
    }
}
