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
