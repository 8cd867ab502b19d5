package dev.faultline.plugin.local;

import dev.faultline.engine.spi.FaultHandle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/** What stressors do to this machine, read from /proc: CPU ticks, resident memory, disk bytes, space held. */
final class StressMeter {
    private StressMeter() {}

    /** How fast a counter of the stressors (summed over them and their workers) rises, per second. */
    static double rate(FaultHandle h, ToLongFunction<Long> counter, long millis) throws InterruptedException {
        long before = sum(h, counter);
        long t0 = System.nanoTime();
        Thread.sleep(millis); // not a wait: the window the rate is measured over
        long after = sum(h, counter);
        return (after - before) / ((System.nanoTime() - t0) / 1e9);
    }

    /** A rate, and the share of a core a thread that never sleeps got over the same window. */
    record BesideBusy(double rate, double busyCores) {
        /** The rate as a share of what a never-sleeping thread could get on this machine meanwhile. */
        double relative() {
            return rate / Math.min(1.0, busyCores);
        }
    }

    /**
     * {@link #rate} measured while a thread of this JVM spins over the same window: on a machine that
     * other work keeps busy (two modules tested at once) a duty-cycled stressor gets less than its
     * share of a whole core, and so does the spinning thread, so their ratio is what the stressor
     * asked for, whatever the load.
     */
    static BesideBusy rateBesideABusyThread(FaultHandle h, ToLongFunction<Long> counter, long millis)
            throws InterruptedException {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] busy = new double[1];
        Thread spinner = Thread.ofPlatform().name("busy-reference").start(() -> {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long end = t0 + millis * 1_000_000L;
            while (System.nanoTime() < end) {
                Thread.onSpinWait(); // still on the CPU: a hint to the core, not a sleep
            }
            busy[0] = (threads.getCurrentThreadCpuTime() - cpu0) / (double) (System.nanoTime() - t0);
        });
        double rate = rate(h, counter, millis);
        spinner.join(millis + 5_000);
        return new BesideBusy(rate, busy[0]);
    }

    /**
     * Whether the stressors are at work: stress-ng has forked its workers, or the built-in stressor's JVM
     * runs its {@code stress-cpu-N} threads (its {@code main} starts them, so the JVM's start is over).
     */
    static boolean working(FaultHandle h) {
        return StressFaults.stressors(h).stream()
                .anyMatch(p -> p.descendants().findAny().isPresent()
                        || threadNames(p.pid()).stream().anyMatch(n -> n.startsWith("stress-cpu-")));
    }

    private static List<String> threadNames(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            List<String> names = new ArrayList<>();
            for (Path t : tasks.toList()) {
                try {
                    names.add(Files.readString(t.resolve("comm"), StandardCharsets.US_ASCII)
                            .strip());
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
            return names;
        } catch (IOException e) {
            return List.of();
        }
    }

    static long sum(FaultHandle h, ToLongFunction<Long> counter) {
        return StressFaults.stressors(h).stream()
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .mapToLong(p -> counter.applyAsLong(p.pid()))
                .sum();
    }

    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        } catch (IOException e) {
            return 0;
        }
    }

    static long residentBytes(long pid) {
        return statusOrIo(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:") * 1024;
    }

    static long io(long pid, String field) {
        return statusOrIo(Path.of("/proc", Long.toString(pid), "io"), field + ":");
    }

    static long statusOrIo(Path file, String prefix) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                if (line.startsWith(prefix)) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** Bytes in the stressor's open files that were unlinked from a disk-stress name. */
    static long deletedFileBytes(long pid) {
        long total = 0;
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.contains("faultline-disk-stress-") && target.endsWith("(deleted)")) {
                        total += Files.size(fd);
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }
}
