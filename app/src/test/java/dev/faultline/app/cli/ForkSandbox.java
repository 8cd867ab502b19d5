package dev.faultline.app.cli;

import dev.faultline.sandbox.RunningSandbox;
import dev.faultline.sandbox.Sandbox;
import dev.faultline.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox of this test fork, started once and shared by every class annotated {@link Shared}
 * that runs in the fork (each fork has its own 127.0.0.1 and process table, so one sandbox per
 * fork). A sandbox start is seven JVMs and a warm-up until orders flow, about 30 CPU-seconds: the
 * classes that only <em>use</em> a sandbox (their runs say "using the sandbox that is already
 * running") need not each pay it. Before any other class of the fork, {@link ForkSandboxGuard}
 * stops it, so a class that is not annotated finds no sandbox running, as it did before; before
 * each {@link Shared} class it is checked and started again if a service died or was left frozen
 * (a fault a failed test could not revert), so one class's failure does not become the next one's.
 * Stopped when the fork's JVM exits.
 */
final class ForkSandbox {
    /** A class whose tests run on the fork's sandbox instead of starting one. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Shared {}

    /** A class that starts no sandbox and runs no sandbox runbook: the fork's sandbox may stay up meanwhile. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Indifferent {}

    private static @Nullable RunningSandbox running;
    private static @Nullable Path home;
    private static boolean hooked;

    private ForkSandbox() {}

    /** The fork's sandbox, started now if none runs or if the one running is not whole. */
    static synchronized RunningSandbox get() throws Exception {
        if (running != null && !whole()) {
            stop();
        }
        RunningSandbox s = running;
        if (s == null) {
            if (!hooked) {
                Runtime.getRuntime().addShutdownHook(new Thread(ForkSandbox::stop, "fork-sandbox-stop"));
                hooked = true;
            }
            Path h = Files.createTempDirectory("fork-sandbox-");
            System.out.println("ForkSandbox: starting the fork's sandbox"); // counted in the suite's figures
            s = Sandbox.start(SandboxOptions.defaults(h));
            running = s;
            home = h;
        }
        return s;
    }

    /** The pid of the fork's sandbox service {@code name} ("sandbox-payment"). */
    static synchronized long pid(String name) throws Exception {
        get();
        return pidIn(home(), name + ".pid");
    }

    private static Path home() {
        Path h = home;
        if (h == null) {
            throw new IllegalStateException("the fork's sandbox is not running");
        }
        return h;
    }

    private static long pidIn(Path dir, String file) throws IOException {
        return Long.parseLong(
                Files.readString(dir.resolve(file), StandardCharsets.UTF_8).strip());
    }

    /** Stops the fork's sandbox if one runs (nothing otherwise). */
    static synchronized void stop() {
        RunningSandbox s = running;
        Path h = home;
        running = null;
        home = null;
        if (s != null) {
            System.out.println("ForkSandbox: stopping the fork's sandbox");
            s.close();
        }
        if (h != null) {
            try (Stream<Path> files = Files.walk(h)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException e) {
                // a temporary folder in the fork's own /tmp, which goes with the fork's namespace
            }
        }
    }

    /** Every service alive and none stopped (a process-pause fault left in place). */
    private static boolean whole() {
        try (Stream<Path> files = Files.list(home())) {
            List<Path> pids = files.filter(f -> f.getFileName().toString().endsWith(".pid"))
                    .toList();
            if (pids.isEmpty()) {
                return false;
            }
            for (Path f : pids) {
                char state = state(pidIn(f.getParent(), f.getFileName().toString()));
                if (state == 'X' || state == 'Z' || state == 'T') {
                    return false;
                }
            }
            return true;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static char state(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat, StandardCharsets.UTF_8);
            return text.charAt(text.lastIndexOf(')') + 2);
        } catch (IOException e) {
            return 'X';
        }
    }
}
