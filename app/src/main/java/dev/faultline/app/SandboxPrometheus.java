package dev.faultline.app;

import dev.faultline.engine.env.Environment;
import dev.faultline.engine.env.Environments;
import dev.faultline.engine.model.Experiment;
import dev.faultline.sandbox.SandboxException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A Prometheus for the sandbox, when a runbook (or a GameDay's) in the {@code sandbox} environment has PromQL probes:
 * the {@code prometheus} binary (Debian package {@code prometheus}) on {@value #PORT} of 127.0.0.1,
 * scraping the order service's /metrics every second, its storage under
 * {@code $FAULTLINE_HOME/sandbox/prometheus} (removed afterwards). One already answering there is
 * used as it is. Without the binary the run stops before pre-flight, saying how to install it.
 */
public final class SandboxPrometheus implements AutoCloseable {
    static final int PORT = 18090;
    private static final Duration READY_LIMIT = Duration.ofSeconds(30);

    private final @Nullable Process process;
    private final @Nullable Path dir;

    private SandboxPrometheus(@Nullable Process process, @Nullable Path dir) {
        this.process = process;
        this.dir = dir;
    }

    public static SandboxPrometheus startIfNeeded(Composition c, Environment env, Experiment e, Consumer<String> say)
            throws SandboxException {
        return startIfNeeded(c, env, java.util.List.of(e), say);
    }

    /** One Prometheus for all of {@code experiments} (a GameDay's), when any of them needs it. */
    public static SandboxPrometheus startIfNeeded(
            Composition c, Environment env, java.util.List<Experiment> experiments, Consumer<String> say)
            throws SandboxException {
        boolean needed = env.sandbox()
                && experiments.stream()
                        .flatMap(e -> e.allProbes().stream())
                        .anyMatch(p -> p.type().equals("prometheus")
                                && p.params().get("url").isEmpty());
        if (!needed) {
            return new SandboxPrometheus(null, null);
        }
        if (SandboxSession.answers(Environments.SANDBOX_PROMETHEUS + "/-/ready")) {
            say.accept("using the Prometheus already answering at " + Environments.SANDBOX_PROMETHEUS);
            return new SandboxPrometheus(null, null);
        }
        Path binary = binary().orElseThrow(() -> new SandboxException("this runbook's PromQL probes need a Prometheus,"
                + " and no prometheus binary is on PATH: install it (apt-get install -y prometheus) or start one on "
                + Environments.SANDBOX_PROMETHEUS + " scraping 127.0.0.1:18080"));
        Path dir = c.home.sandbox().resolve("prometheus");
        try {
            deleteTree(dir);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("prometheus.yml"), """
                    # written by Faultline for the sandbox; removed when the run is over
                    global:
                      scrape_interval: 1s
                      evaluation_interval: 1s
                    scrape_configs:
                      - job_name: sandbox
                        static_configs:
                          - targets: ['127.0.0.1:18080']
                    """);
            say.accept("starting Prometheus for the sandbox on " + Environments.SANDBOX_PROMETHEUS + " ...");
            Process p = new ProcessBuilder(
                            binary.toString(),
                            "--config.file=" + dir.resolve("prometheus.yml"),
                            "--storage.tsdb.path=" + dir.resolve("data"),
                            "--web.listen-address=127.0.0.1:" + PORT)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("prometheus.log").toFile())
                    .start();
            SandboxPrometheus s = new SandboxPrometheus(p, dir);
            try {
                s.awaitScrapes();
            } catch (SandboxException ex) {
                s.close();
                throw ex;
            }
            say.accept("Prometheus up, scraping the sandbox");
            return s;
        } catch (IOException ex) {
            throw new SandboxException("cannot start Prometheus for the sandbox: " + ex.getMessage());
        }
    }

    static Optional<Path> binary() {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator))
                .map(d -> Path.of(d, "prometheus"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Ready, and two scrapes of the sandbox in, so that rates have data from the first sample. */
    private void awaitScrapes() throws SandboxException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        String query = URLEncoder.encode("count_over_time(up{job=\"sandbox\"}[10s]) >= 2", StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        for (int i = 0; i < 300 && System.nanoTime() < deadline; i++) {
            if (process != null && !process.isAlive()) {
                throw new SandboxException("Prometheus exited at start; see " + dir + "/prometheus.log");
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(
                                        URI.create(Environments.SANDBOX_PROMETHEUS + "/api/v1/query?query=" + query))
                                .timeout(Duration.ofSeconds(1))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"result\":[{")) {
                    return;
                }
            } catch (IOException ignored) {
                // not up yet
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new SandboxException("interrupted while waiting for Prometheus");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new SandboxException("interrupted while waiting for Prometheus");
            }
        }
        throw new SandboxException(
                "Prometheus on " + Environments.SANDBOX_PROMETHEUS + " did not scrape the sandbox within "
                        + READY_LIMIT.toSeconds() + "s; see " + dir + "/prometheus.log");
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (dir != null) {
            deleteTree(dir.resolve("data"));
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover folder is replaced on the next start
        }
    }
}
