package dev.faultline.plugin.local.stress;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts load on this machine until killed, or until {@code --seconds} have passed (a dead man's
 * switch: a stressor outliving a crashed Faultline stops by itself). Runs as a process of its own,
 * started by the local backend, tagged with {@code --tag} so it can be found again:
 * {@code --kind cpu --workers 2 --load 80}, {@code --kind memory --bytes 268435456 [--growth 64000000]},
 * {@code --kind disk --io write|read|fill --bytes 104857600 [--throughput 50000000] [--dir /tmp]}
 * (rates in bytes a second, 0 for as fast as possible).
 */
public final class StressorMain {
    /** Where the CPU workers put their result, so the busy loop is never optimised away. */
    static volatile long blackhole;

    private StressorMain() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        long deadline = System.nanoTime() + Long.parseLong(a.getOrDefault("seconds", "3600")) * 1_000_000_000L;
        switch (a.getOrDefault("kind", "cpu")) {
            case "memory" ->
                memory(Long.parseLong(a.get("bytes")), Long.parseLong(a.getOrDefault("growth", "0")), deadline);
            case "disk" -> disk(a, deadline);
            default ->
                cpu(
                        Integer.parseInt(a.getOrDefault("workers", "1")),
                        Integer.parseInt(a.getOrDefault("load", "100")),
                        deadline);
        }
    }

    /** Each worker spins for {@code load}% of every 100 ms and sleeps the rest. */
    private static void cpu(int workers, int load, long deadline) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(
                    () -> {
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
                    },
                    "stress-cpu-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /**
     * Takes exactly {@code bytes} in 1 MB blocks, touching every page so it is really resident: at
     * once, or {@code growth} bytes a second. The blocks live outside the Java heap, so no
     * collector ever copies them and the process holds each byte once.
     */
    private static void memory(long bytes, long growth, long deadline) throws InterruptedException {
        List<ByteBuffer> held = new ArrayList<>();
        Pacer pacer = new Pacer(growth);
        long taken = 0;
        while (taken < bytes && System.nanoTime() < deadline) {
            ByteBuffer block = ByteBuffer.allocateDirect((int) Math.min(bytes - taken, 1 << 20));
            for (int i = 0; i < block.capacity(); i += 4096) {
                block.put(i, (byte) 1);
            }
            held.add(block);
            taken += block.capacity();
            pacer.await(taken, deadline);
        }
        while (System.nanoTime() < deadline) {
            Thread.sleep(Math.max(1, Math.min(1_000, (deadline - System.nanoTime()) / 1_000_000)));
        }
        blackhole = held.size();
    }

    private static void disk(Map<String, String> a, long deadline) throws Exception {
        DiskStressor d = new DiskStressor(
                Long.parseLong(a.get("bytes")),
                Path.of(a.getOrDefault("dir", System.getProperty("java.io.tmpdir"))),
                Long.parseLong(a.getOrDefault("throughput", "0")),
                deadline);
        switch (a.getOrDefault("io", "write")) {
            case "read" -> d.read();
            case "fill" -> d.fillAndHold();
            default -> d.write();
        }
    }
}
