package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped Toxiproxy and PromQL runbooks through the command line with the real sandbox: the
 * toxiproxy backend drives the sandbox's chaos proxy through the Toxiproxy API, and the PromQL
 * probes query a real Prometheus that Faultline starts for the sandbox. Faultline's own metrics
 * are scraped while the run goes on. Both runs use the fork's sandbox ({@link ForkSandbox}: each
 * finds it running, as after {@code faultline sandbox}); a run that starts the sandbox itself is
 * SandboxRunbooksIT's.
 */
@ForkSandbox.Shared
class PrometheusAndToxiproxyRunbooksIT {
    @TempDir
    Path home;

    @BeforeAll
    static void startTheSandbox() throws Exception {
        ForkSandbox.get();
    }

    private JsonNode json(Path f) throws Exception {
        return JsonMapper.builder().build().readTree(Files.readString(f));
    }

    @Test
    void theToxiproxyRunbookHoldsAndItsToxicsAreGone() throws Exception {
        Path result = home.resolve("r.json");
        Cli cli = Cli.run(
                home,
                "run",
                Cli.repo()
                        .resolve("runbooks/toxiproxy/payment-latency-toxiproxy.yaml")
                        .toString(),
                "--json",
                result.toString());
        assertThat(cli.exit()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("using the sandbox that is already running");
        assertThat(cli.out()).contains("injected latency 150ms ± 50ms on proxy/payments (downstream)");
        JsonNode r = json(result);
        assertThat(r.path("outcome").asString()).isEqualTo("HELD");
        assertThat(r.path("faults").size()).isEqualTo(2);
        r.path("faults")
                .forEach(f -> assertThat(f.path("confirmedGone").asBoolean()).isTrue());
    }

    @Test
    void thePromqlRunbookHoldsOnARealPrometheusAndFaultlinesMetricsAreServed() throws Exception {
        boolean installed = dev.faultline.app.SandboxPrometheusAccess.binaryInstalled();
        if (!installed && System.getenv("CI") != null) {
            throw new AssertionError("the prometheus binary is needed in CI (scripts/test installs it)");
        }
        Assumptions.assumeTrue(installed, "skipped: no prometheus binary on PATH (apt-get install -y prometheus)");
        int metricsPort;
        try (ServerSocket s = new ServerSocket(0)) {
            metricsPort = s.getLocalPort();
        }
        CompletableFuture<String> scraped = CompletableFuture.supplyAsync(
                () -> scrapeUntilStarted(metricsPort), r -> Thread.ofVirtual().start(r));
        Path result = home.resolve("r.json");
        Cli cli = Cli.run(
                home,
                "run",
                Cli.runbook("payment-latency-promql.yaml"),
                "--json",
                result.toString(),
                "--metrics-port",
                Integer.toString(metricsPort));
        assertThat(cli.exit()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out())
                .contains("starting Prometheus for the sandbox on http://127.0.0.1:18090")
                .contains("Faultline's metrics on http://127.0.0.1:" + metricsPort + "/metrics");
        JsonNode r = json(result);
        assertThat(r.path("outcome").asString()).isEqualTo("HELD");
        assertThat(r.path("probes").size()).isEqualTo(3);
        r.path("probes")
                .forEach(p -> assertThat(p.path("during").path("samples").asInt())
                        .as(p.toString())
                        .isPositive());
        assertThat(scraped.get(5, TimeUnit.SECONDS))
                .contains("faultline_experiments_started_total{environment=\"sandbox\"} 1.0");
        assertThat(dev.faultline.app.SandboxPrometheusAccess.answers())
                .as("the sandbox's Prometheus is stopped")
                .isFalse();
    }

    private static String scrapeUntilStarted(int port) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();
        AtomicReference<String> scraped = new AtomicReference<>("");
        Eventually.holds(Duration.ofSeconds(90), Duration.ofMillis(100), () -> {
            try {
                scraped.set(http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                        .timeout(Duration.ofSeconds(1))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
            } catch (java.io.IOException notYet) {
                return false; // the run has not started serving yet
            }
            return scraped.get().contains("faultline_experiments_started_total{");
        });
        return scraped.get().contains("faultline_experiments_started_total{") ? scraped.get() : "";
    }
}
