package dev.faultline.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Starting, checking and stopping one sandbox process. Its output goes to home/logs/NAME.log. */
final class ChildProcess {
    /** How long stopping services wait for TERM before they kill (see {@link #stopAll}). */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();

    private ChildProcess() {}

    static Process start(ServiceSpec spec, SandboxOptions o) throws IOException {
        Path logs = o.home().resolve("logs");
        Files.createDirectories(logs);
        List<String> cmd = new ArrayList<>(
                List.of(o.javaCommand(), "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
        String classPath = o.classPath();
        Optional<String> jars = ClassArchive.jarsOnly(classPath);
        if (jars.isPresent()) {
            Path archives = ClassArchive.folder(o);
            Files.createDirectories(archives);
            cmd.addAll(ClassArchive.options(archives, spec.name(), jars.get()));
            classPath = jars.get();
        }
        cmd.addAll(List.of("-cp", classPath, spec.mainClass()));
        cmd.addAll(spec.args());
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        logs.resolve(spec.name() + ".log").toFile()));
        // Marked before it starts: found and stopped even if this process dies before recording it.
        pb.environment().put(SandboxMarker.ENV, SandboxMarker.ofThisProcess(o.home()));
        Process p = pb.start();
        Files.writeString(o.home().resolve(spec.name() + ".pid"), Long.toString(p.pid()), StandardCharsets.UTF_8);
        return p;
    }

    /** Waits until the service answers on its health path, or it dies, or the deadline passes. */
    static boolean awaitHealthy(ServiceSpec spec, Process p, Instant deadline) throws InterruptedException {
        URI health = URI.create("http://127.0.0.1:" + spec.port() + spec.healthPath());
        while (Instant.now().isBefore(deadline) && p.isAlive()) {
            try {
                HttpResponse<Void> r = HTTP.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofMillis(500))
                                .header("User-Agent", "faultline-sandbox")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Stops a process surely: thawed first (a paused process ignores TERM), then TERM, then KILL. */
    static void stop(ProcessHandle p) {
        stopAll(List.of(p), Duration.ofSeconds(3));
    }

    /**
     * Stops processes surely and all at once: each thawed (a paused process ignores TERM) and sent
     * TERM, then those still running after {@code grace} are killed. Stopped together, a sandbox
     * stops in the time of its slowest service, not in the sum of them all, and a service that writes
     * its class archive as it exits (the first stop in a home) has the time to finish it.
     */
    static void stopAll(List<ProcessHandle> processes, Duration grace) {
        List<ProcessHandle> alive =
                processes.stream().filter(ProcessHandle::isAlive).toList();
        if (alive.isEmpty()) {
            return;
        }
        signal("CONT", alive.stream().map(p -> Long.toString(p.pid())).toList());
        alive.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle p : alive) {
            awaitExit(p, Duration.between(Instant.now(), deadline));
        }
        for (ProcessHandle p : alive) {
            if (p.isAlive()) {
                p.destroyForcibly();
                awaitExit(p, Duration.ofSeconds(3));
            }
        }
    }

    private static void awaitExit(ProcessHandle p, Duration atMost) {
        try {
            p.onExit().get(Math.max(1, atMost.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // still running: killed by the caller, or reported by the caller's checks
        }
    }

    private static void signal(String signal, long pid) {
        signal(signal, List.of(Long.toString(pid)));
    }

    private static void signal(String signal, List<String> pids) {
        List<String> cmd = new ArrayList<>(List.of("kill", "-" + signal));
        cmd.addAll(pids);
        try {
            new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // kill is missing: destroy() below still sends TERM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Creates an HTTP fault proxy in the sandbox's chaos proxy server, through its API. */
    static void createHttpProxy(SandboxOptions o, String name, int listen, int upstream)
            throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + o.proxyApiPort() + "/faultline/http"))
                        .timeout(Duration.ofSeconds(5))
                        .header("User-Agent", "faultline-sandbox")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"listen\":\"127.0.0.1:"
                                + listen + "\",\"upstream\":\"127.0.0.1:" + upstream + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IOException("the HTTP fault proxy " + name + " could not be created: "
                    + r.body().strip());
        }
    }

    /**
     * Sends {@code orders} orders, {@code parallel} at a time, through the whole shop before the load
     * generator starts: class loading, JIT and connection set-up happen here, not in a baseline.
     * Bounded by {@code deadline}; failures are fine (they only warm the error paths).
     */
    static void warmUp(SandboxOptions o, int orders, int parallel, Instant deadline) throws InterruptedException {
        URI order = URI.create("http://127.0.0.1:" + o.orderPort() + "/orders");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "sandbox-warm-up");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < parallel; i++) {
                pool.execute(() -> {
                    for (int n = 0; n < orders / parallel && Instant.now().isBefore(deadline); n++) {
                        try {
                            HTTP.send(
                                    HttpRequest.newBuilder(order)
                                            .timeout(Duration.ofSeconds(2))
                                            .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"book\"}"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding());
                        } catch (IOException e) {
                            // warming the error path is fine too
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(
                    Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            pool.shutdownNow();
        }
    }

    static String lastLines(Path log, int n) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
