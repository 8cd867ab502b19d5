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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    /**
     * The load generator's orders a second between the classes that use the sandbox: one keeps every
     * service up and its connections open at a small part of the CPU the default 20 take.
     */
    static final int IDLE_RATE = 1;

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static @Nullable RunningSandbox running;
    private static @Nullable Path home;
    private static @Nullable SandboxOptions options;
    private static boolean idle;
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
            SandboxOptions o = SandboxOptions.defaults(h);
            s = Sandbox.start(o);
            running = s;
            home = h;
            options = o;
            idle = false;
        } else if (idle && !busyAgain()) {
            System.out.println("ForkSandbox: the idle sandbox did not take its load again; starting a whole one");
            stop();
            return get();
        }
        return s;
    }

    /**
     * After a class that used it: the load generator slows to {@link #IDLE_RATE} until the next
     * class asks for the sandbox ({@link #get()} brings the rate back and waits for the orders to flow
     * steadily, as a start does). Nothing when no sandbox runs or when it is not whole (the next
     * {@link #get()} replaces it), nor with {@code -Dfaultline.test.busySandbox=true} (to measure
     * the difference: the sandbox then keeps its full load between classes, as before).
     */
    static synchronized void idle() {
        SandboxOptions o = options;
        if (running == null || o == null || idle || !whole() || Boolean.getBoolean("faultline.test.busySandbox")) {
            return;
        }
        try {
            rate(o, IDLE_RATE);
            idle = true;
            System.out.println("ForkSandbox: the fork's sandbox idles at " + IDLE_RATE + " order a second");
        } catch (IOException e) {
            // left at the full rate: the next class finds it as it was
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The default rate again, then two one-second windows in which half of it or more went through at 95% or better. */
    private static boolean busyAgain() throws InterruptedException {
        SandboxOptions o = options;
        if (o == null) {
            return false;
        }
        try {
            rate(o, o.rate());
            idle = false;
            URI metrics = URI.create("http://127.0.0.1:" + o.orderPort() + "/metrics");
            double[] before = orders(metrics);
            int steady = 0;
            for (int i = 0; i < 45 && steady < 2; i++) {
                Thread.sleep(1_000);
                double[] now = orders(metrics);
                double ok = now[0] - before[0];
                double failed = now[1] - before[1];
                steady = ok >= o.rate() / 2.0 && ok / (ok + failed) >= 0.95 ? steady + 1 : 0;
                before = now;
            }
            System.out.println("ForkSandbox: the fork's sandbox at " + o.rate() + " orders a second again, "
                    + (steady >= 2 ? "steady" : "not steady"));
            return steady >= 2;
        } catch (IOException e) {
            return false;
        }
    }

    private static void rate(SandboxOptions o, int perSecond) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + o.loadgenPort() + "/rate"))
                        .timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString(Integer.toString(perSecond)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("the load generator refused rate " + perSecond + ": " + r.body());
        }
    }

    /** The order service's confirmed and failed orders so far. */
    private static double[] orders(URI metrics) throws IOException, InterruptedException {
        String page = HTTP.send(
                        HttpRequest.newBuilder(metrics)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return new double[] {count(page, "ok"), count(page, "failed")};
    }

    private static double count(String page, String outcome) {
        String prefix = "sandbox_orders_total{outcome=\"" + outcome + "\"} ";
        return page.lines()
                .filter(l -> l.startsWith(prefix))
                .mapToDouble(
                        l -> Double.parseDouble(l.substring(prefix.length()).strip()))
                .sum();
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
        options = null;
        idle = false;
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
