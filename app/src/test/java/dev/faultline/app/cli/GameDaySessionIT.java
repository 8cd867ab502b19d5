package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.SandboxPrometheusAccess;
import dev.faultline.app.session.LocalExperiment;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faultline gameday run} gets what {@code faultline run} gets from the run session: Faultline's
 * metrics counted and served ({@code --metrics-port}), and the sandbox's Prometheus when one of the
 * day's experiments has PromQL probes.
 */
@ForkSandbox.Shared
class GameDaySessionIT {
    @TempDir
    Path home;

    @Test
    void aGameDayCountsInFaultlinesMetricsServedWhileItRuns() throws Exception {
        try (LocalExperiment x = new LocalExperiment(home, "4s")) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            CompletableFuture<String> scraped = CompletableFuture.supplyAsync(
                    () -> scrapeUntilStarted(port), r -> Thread.ofVirtual().start(r));
            Cli run = Cli.run(
                    home,
                    "gameday",
                    "run",
                    x.gameDay.toString(),
                    "--no-report",
                    "--metrics-port",
                    Integer.toString(port));

            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Faultline's metrics on http://127.0.0.1:" + port + "/metrics");
            assertThat(scraped.get(10, TimeUnit.SECONDS))
                    .contains("faultline_experiments_started_total{environment=\"local\"} 1.0");
        }
    }

    @Test
    void aSandboxGameDayWithPromqlProbesGetsThePrometheusARunGets() throws Exception {
        boolean installed = SandboxPrometheusAccess.binaryInstalled();
        if (!installed && System.getenv("CI") != null) {
            throw new AssertionError("the prometheus binary is needed in CI (scripts/test installs it)");
        }
        Assumptions.assumeTrue(installed, "skipped: no prometheus binary on PATH (apt-get install -y prometheus)");
        ForkSandbox.get(); // the day's runs use it: this test is about the day getting a Prometheus
        Path day = home.resolve("promql-day.yaml");
        Files.writeString(
                day,
                """
                apiVersion: faultline.dev/v1
                kind: GameDay
                metadata: {name: promql-day, title: PromQL in a GameDay}
                spec:
                  environment: sandbox
                  schedule: {start: "2026-12-03T10:00", zone: UTC}
                  objectives: [Orders survive slow payments]
                  participants:
                    - {name: Ada, role: leader}
                  experiments: [%s]
                """.formatted(
                        // the fault held 5 s instead of 15 s: this test is about the day getting a Prometheus
                        Cli.shortenedRunbook(home, "payment-latency-promql.yaml", "duration: 15s", "duration: 5s")),
                StandardCharsets.UTF_8);

        Cli run = Cli.run(home, "gameday", "run", day.toString(), "--no-report");

        // What the day's PromQL probes read depends on the shop (a loaded machine slows it): that they read at all is
        // the point.
        assertThat(run.out())
                .as(run.err())
                .contains("starting Prometheus for the sandbox on http://127.0.0.1:18090")
                .contains("Prometheus up, scraping the sandbox")
                .contains("ok: probe order-error-ratio: prometheus source open")
                .contains("GameDay COMPLETED");
        assertThat(SandboxPrometheusAccess.answers())
                .as("the sandbox's Prometheus is stopped")
                .isFalse();
    }

    private static String scrapeUntilStarted(int port) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int i = 0; i < 600 && System.nanoTime() < deadline; i++) {
            try {
                String body = http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                        .timeout(Duration.ofSeconds(1))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                if (body.contains("faultline_experiments_started_total{")) {
                    return body;
                }
            } catch (Exception notYet) {
                // the day has not started serving yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }
        return "";
    }
}
