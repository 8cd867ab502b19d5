package dev.faultline.plugin.local.stress;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts load on this machine until killed, or until {@code --seconds} have passed (a dead man's
 * switch: a stressor outliving a crashed Faultline stops by itself). Runs as a process of its own,
 * started by the local backend, tagged with {@code --tag} so it can be found again:
 * {@code --kind cpu --workers 2 --load 80}, {@code --kind memory --bytes 268435456},
 * {@code --kind disk --bytes 104857600 --dir /tmp}.
 */
public final class StressorMain {
    /** Where the CPU workers put their result, so the busy loop is never optimised away. */
    static volatile long blackhole;

    private StressorMain() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        long deadline = System.nanoTime() + Long.parseLong(a.getOrDefault("seconds", "3600")) * 1_000_000_000L;
        switch (a.getOrDefault("kind", "cpu")) {
            case "memory" -> memory(Long.parseLong(a.get("bytes")), deadline);
            case "disk" -> disk(Long.parseLong(a.get("bytes")), Path.of(a.getOrDefault("dir",
                    System.getProperty("java.io.tmpdir"))), deadline);
            default -> cpu(Integer.parseInt(a.getOrDefault("workers", "1")), Integer.parseInt(a.getOrDefault("load", "100")),
                    deadline);
        }
    }

    /** Each worker spins for {@code load}% of every 100 ms and sleeps the rest. */
    private static void cpu(int workers, int load, long deadline) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(() -> {
                long sink = 0;
                while (System.nanoTime() < deadline) {
                    long busyUntil = System.nanoTime() + load * 1_000_000L;
                    while (System.nanoTime() < busyUntil) {
                        sink += System.nanoTime() % 7;
                    }
                    if (load < 100) {
                        try {
                            Thread.sleep(100 - load);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
                blackhole = sink;
            }, "stress-cpu-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** Takes exactly {@code bytes} in 1 MB blocks, touching every page so it is really resident. */
    private static void memory(long bytes, long deadline) throws InterruptedException {
        List<byte[]> held = new ArrayList<>();
        long left = bytes;
        while (left > 0) {
            byte[] block = new byte[(int) Math.min(left, 1 << 20)];
            for (int i = 0; i < block.length; i += 4096) {
                block[i] = 1;
            }
            held.add(block);
            left -= block.length;
        }
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            held.get(0)[0]++;
        }
    }

    /** Writes 1 MB blocks, each forced to disk, through a file that never grows past {@code bytes}. */
    private static void disk(long bytes, Path dir, long deadline) throws IOException {
        Path file = Files.createTempFile(dir, "faultline-disk-stress-", ".bin");
        file.toFile().deleteOnExit();
        byte[] block = new byte[1 << 20];
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long pos = 0;
            while (System.nanoTime() < deadline) {
                if (pos + block.length > bytes) {
                    pos = 0;
                }
                f.seek(pos);
                f.write(block, 0, (int) Math.min(block.length, bytes));
                f.getFD().sync();
                pos += block.length;
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
