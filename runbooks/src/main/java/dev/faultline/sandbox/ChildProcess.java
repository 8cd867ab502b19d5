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
import java.util.concurrent.TimeUnit;

/** Starting, checking and stopping one sandbox process. Its output goes to home/logs/NAME.log. */
final class ChildProcess {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();

    private ChildProcess() {}

    static Process start(ServiceSpec spec, SandboxOptions o) throws IOException {
        Path logs = o.home().resolve("logs");
        Files.createDirectories(logs);
        List<String> cmd = new ArrayList<>(List.of(
                o.javaCommand(),
                "-Xmx96m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xss512k",
                "-cp",
                o.classPath(),
                spec.mainClass()));
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
        if (!p.isAlive()) {
            return;
        }
        signal("CONT", p.pid());
        p.destroy();
        try {
            p.onExit().get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            try {
                p.onExit().get(3, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the caller's checks
            }
        }
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start()
                    .waitFor(2, TimeUnit.SECONDS);
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
