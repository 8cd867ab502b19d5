package dev.faultline.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where a test fork's CPU goes, class by class (a measuring aid, off unless asked): with
 * {@code -Dfaultline.test.cpu=FILE} on the Maven command line, each test class appends one line to
 * FILE: its name, wall seconds, and the CPU seconds (user + system) the fork's JVM and every process
 * under it used meanwhile (sandbox services, child {@code faultline} JVMs, stressors), read from
 * {@code /proc}. A process that outlives its parent (reparented to the fork's PID 1) is no longer
 * counted; a sandbox shared by several classes counts in the class that runs while it works.
 * Registered for every class beside {@link ForkSandboxGuard}.
 */
public final class ClassCpu implements BeforeAllCallback, AfterAllCallback {
    private static final String FILE = "faultline.test.cpu";
    private static final double TICKS = 100; // USER_HZ on Linux
    private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(ClassCpu.class);

    private record Mark(long nanos, long self, long children) {}

    @Override
    public void beforeAll(ExtensionContext context) {
        if (System.getProperty(FILE) != null) {
            context.getStore(HERE).put("mark", mark());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        String file = System.getProperty(FILE);
        Mark start = context.getStore(HERE).get("mark", Mark.class);
        if (file == null || start == null) {
            return;
        }
        Mark end = mark();
        String line = String.format(
                Locale.ROOT,
                "%s\twall %.1f s\tcpu %.1f s\tjvm %.1f s\tunder it %.1f s%n",
                context.getRequiredTestClass().getSimpleName(),
                (end.nanos() - start.nanos()) / 1e9,
                (end.self() + end.children() - start.self() - start.children()) / TICKS,
                (end.self() - start.self()) / TICKS,
                (end.children() - start.children()) / TICKS);
        Files.writeString(
                Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** This JVM's own ticks, and those of every process under it (live ones, and those reaped into it). */
    private static Mark mark() {
        long[] self = ticks(ProcessHandle.current().pid());
        long children = self[1];
        for (ProcessHandle p : ProcessHandle.current().descendants().toList()) {
            long[] t = ticks(p.pid());
            children += t[0] + t[1];
        }
        return new Mark(System.nanoTime(), self[0], children);
    }

    /** utime + stime, and cutime + cstime, of {@code pid}; zeros for a process gone meanwhile. */
    private static long[] ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // fields after the command, which is in parentheses and may hold spaces
            List<String> f = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            return new long[] {
                Long.parseLong(f.get(11)) + Long.parseLong(f.get(12)),
                Long.parseLong(f.get(13)) + Long.parseLong(f.get(14))
            };
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
