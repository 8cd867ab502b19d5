package dev.faultline.plugin.prometheus.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.run.Impact;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.plugin.prometheus.PrometheusProbeProvider;
import dev.faultline.plugin.prometheus.PrometheusServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faultline's own metrics, fed run events, scraped over HTTP and by a real Prometheus. */
class FaultlineMetricsIT {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    private static RunResult result(String run, RunOutcome outcome, int seconds) {
        return new RunResult(
                run,
                "exp",
                "staging",
                outcome,
                "",
                T0,
                T0.plusSeconds(seconds),
                Impact.NONE,
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    private static void feed(FaultlineMetrics m) {
        m.onEvent(new RunEvent.RunStarted("r1", T0, "exp", "staging", false));
        m.onEvent(new RunEvent.FaultInjected("r1", T0, "slow", "f1", "latency"));
        m.onEvent(new RunEvent.FaultReverted("r1", T0, "slow", "f1", true, Duration.ofMillis(20), "gone"));
        m.onEvent(new RunEvent.RunFinished("r1", T0, result("r1", RunOutcome.HELD, 42)));
        m.onEvent(new RunEvent.RunStarted("r2", T0, "exp", "staging", false));
        m.onEvent(new RunEvent.FaultInjected("r2", T0, "down", "f2", "down"));
        m.onEvent(new RunEvent.FaultInjected("r2", T0, "slow", "f3", "latency"));
        m.onEvent(new RunEvent.FaultReverted("r2", T0, "down", "f2", true, Duration.ofMillis(20), "gone"));
        m.onEvent(new RunEvent.RunFinished("r2", T0, result("r2", RunOutcome.HALTED, 7)));
        m.onEvent(new RunEvent.RunStarted("dry", T0, "exp", "staging", true));
        m.onEvent(new RunEvent.RunFinished("dry", T0, result("dry", RunOutcome.HELD, 1)));
    }

    @Test
    void theCountersHistogramAndGaugeAreServedAndScrapedByARealPrometheus() throws Exception {
        FaultlineMetrics metrics = new FaultlineMetrics();
        feed(metrics);
        try (FaultlineMetrics.Server server = metrics.serve("127.0.0.1", 0)) {
            String text = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(text)
                    .contains("faultline_experiments_started_total{environment=\"staging\"} 2.0")
                    .contains("faultline_experiments_completed_total{environment=\"staging\",outcome=\"HALTED\"} 1.0")
                    .contains("faultline_experiments_completed_total{environment=\"staging\",outcome=\"HELD\"} 1.0")
                    .contains("faultline_experiments_halted_total{environment=\"staging\"} 1.0")
                    .contains("faultline_run_duration_seconds_bucket{outcome=\"HELD\",le=\"60.0\"} 1")
                    .contains("faultline_run_duration_seconds_sum{outcome=\"HALTED\"} 7.0")
                    .contains("faultline_active_faults 1.0");

            try (PrometheusServer prometheus = PrometheusServer.start(dir, List.of("127.0.0.1:" + server.port()))) {
                prometheus.awaitData("faultline_active_faults", Duration.ofSeconds(20));
                BackendSettings env = new BackendSettings("prometheus", Params.of("url", prometheus.url()));
                PrometheusProbeProvider promql = new PrometheusProbeProvider();
                try (var halted = promql.open(
                                new Probe(
                                        "halted",
                                        "prometheus",
                                        Params.of("query", "sum(faultline_experiments_halted_total)"),
                                        new Tolerance.Threshold(Tolerance.Op.LT, 1),
                                        true),
                                env);
                        var p99 = promql.open(
                                new Probe(
                                        "p99",
                                        "prometheus",
                                        Params.of(
                                                "query",
                                                "histogram_quantile(0.99, sum by (le) (faultline_run_duration_seconds_bucket))"),
                                        new Tolerance.Threshold(Tolerance.Op.LT, 1),
                                        true),
                                env)) {
                    assertThat(halted.read()).isEqualTo(1);
                    assertThat(p99.read()).isBetween(30.0, 60.0);
                }
            }
        }
    }
}
