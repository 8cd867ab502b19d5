package dev.faultline.plugin.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Finding processes by their command line, and reading their state from /proc. */
final class Processes {
    private Processes() {}

    /**
     * Live processes one of whose arguments is {@code name} (or ends with {@code =name}), this JVM
     * and its ancestors excluded.
     */
    static List<ProcessHandle> matching(String name) {
        return others().filter(p -> hasArgument(p, name)).toList();
    }

    /**
     * Live processes tagged with {@code value}: their environment holds {@code variable=value} (read
     * from /proc/PID/environ, as it was when the process started) or, as {@link #matching}, one of
     * their arguments is {@code value}; this JVM and its ancestors excluded. One pass over /proc.
     */
    static List<ProcessHandle> tagged(String variable, String value) {
        byte[] wanted = (variable + "=" + value).getBytes(StandardCharsets.UTF_8);
        return others().filter(p -> environmentHolds(p.pid(), wanted) || hasArgument(p, value))
                .toList();
    }

    private static boolean hasArgument(ProcessHandle p, String name) {
        return arguments(p).stream().anyMatch(a -> a.equals(name) || a.endsWith("=" + name));
    }

    private static boolean environmentHolds(long pid, byte[] entry) {
        try {
            byte[] env = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
            for (int start = 0; start < env.length; ) {
                int end = start;
                while (end < env.length && env[end] != 0) {
                    end++;
                }
                if (end - start == entry.length && Arrays.equals(env, start, end, entry, 0, entry.length)) {
                    return true;
                }
                start = end + 1;
            }
        } catch (IOException | SecurityException e) {
            return false; // ended meanwhile, or another user's
        }
        return false;
    }

    /** Live processes other than this JVM and its ancestors. */
    static Stream<ProcessHandle> others() {
        ProcessHandle self = ProcessHandle.current();
        Set<Long> ancestors = new HashSet<>();
        for (ProcessHandle p = self.parent().orElse(null);
                p != null && ancestors.add(p.pid());
                p = p.parent().orElse(null)) {
            // walk up to the root
        }
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self.pid() && !ancestors.contains(p.pid()) && p.isAlive());
    }

    /**
     * Live JVMs (this one and its ancestors excluded) whose main class, jar or a word of whose
     * command line is {@code name}: {@code dev.shop.Main}, {@code Main}, {@code shop.jar}, {@code sandbox-db}.
     */
    static List<ProcessHandle> matchingJvm(String name) {
        return others().filter(p -> arguments(p).stream()
                        .anyMatch(a -> a.equals(name)
                                || a.endsWith("=" + name)
                                || a.endsWith("/" + name)
                                || a.endsWith("." + name)))
                .filter(Processes::isJvm)
                .toList();
    }

    /**
     * Whether the process runs a JVM: its program is {@code java}, or (a native launcher) it has
     * HotSpot's {@code libjvm} mapped.
     */
    static boolean isJvm(ProcessHandle p) {
        List<String> args = arguments(p);
        String program = !args.isEmpty() ? args.get(0) : p.info().command().orElse("");
        if (program.equals("java") || program.endsWith("/java")) {
            return true;
        }
        try (var lines = Files.lines(Path.of("/proc", Long.toString(p.pid()), "maps"), StandardCharsets.ISO_8859_1)) {
            return lines.anyMatch(l -> l.endsWith("/libjvm.so"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /**
     * A process's command line. On Linux read from /proc, whole: the JDK's
     * {@code ProcessHandle.Info.arguments()} is often empty there (for long class paths too).
     */
    static List<String> arguments(ProcessHandle p) {
        Path cmdline = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                String raw = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
                return raw.isEmpty() ? List.of() : Arrays.asList(raw.split("\0"));
            }
        } catch (IOException e) {
            // the process ended meanwhile
            return List.of();
        }
        return p.info().arguments().map(Arrays::asList).orElse(List.of());
    }

    /** Whether the process is stopped (state T or t in /proc/PID/stat). */
    static boolean isStopped(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            int close = stat.lastIndexOf(')');
            char state = stat.charAt(close + 2);
            return state == 'T' || state == 't';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
