package dev.faultline.plugin.prometheus;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus server (the Debian package's binary) on 127.0.0.1 and a free port, with its
 * storage in a temporary folder, scraping the given targets every second. Without the binary the
 * test is skipped with a message, except in CI ({@code CI} set), where it fails.
 */
public final class PrometheusServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private PrometheusServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static Optional<Path> binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "prometheus");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Skips the test (or fails it in CI) when no Prometheus is installed. */
    public static Path requireBinary() {
        Optional<Path> b = binary();
        if (b.isEmpty() && System.getenv("CI") != null) {
            throw new AssertionError("the prometheus binary is needed in CI: apt-get install -y prometheus"
                    + " (scripts/test installs it)");
        }
        Assumptions.assumeTrue(
                b.isPresent(),
                "skipped: no prometheus binary on PATH (apt-get install -y prometheus,"
                        + " or run ./scripts/test, which installs it)");
        return b.get();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts Prometheus scraping {@code targets} ("127.0.0.1:PORT") as job {@code app}, and waits until it is ready. */
    public static PrometheusServer start(Path dir, List<String> targets) throws Exception {
        Path binary = requireBinary();
        int port = freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: app
                    static_configs:
                      - targets: [%s]
                """.formatted(String.join(
                ", ", targets.stream().map(t -> "'" + t + "'").toList())));
        Path log = dir.resolve("prometheus.log");
        Process p = new ProcessBuilder(
                        binary.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PrometheusServer server = new PrometheusServer(p, port, log);
        try {
            server.await("/-/ready", body -> true, Duration.ofSeconds(20));
            return server;
        } catch (Exception e) {
            server.close();
            throw e;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the instant query gives a non-empty result, i.e. the scrapes have landed. */
    public void awaitData(String query, Duration limit) throws Exception {
        await(
                "/api/v1/query?query=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8),
                body -> body.contains("\"result\":[{"),
                limit);
    }

    private void await(String path, java.util.function.Predicate<String> done, Duration limit) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "";
        for (int i = 0; i < 400 && System.nanoTime() < deadline; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(url() + path))
                                .timeout(Duration.ofSeconds(1))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && done.test(r.body())) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("prometheus at " + url() + path + " not ready within " + limit + ": " + last);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
