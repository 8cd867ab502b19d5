package dev.faultline.plugin.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.MetricSource;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real PromQL against a real Prometheus server (the Debian package's binary on 127.0.0.1) that
 * scrapes a real /metrics endpoint served here: 100 requests, 10 of them errors, each taking 200 ms,
 * and 7 in flight.
 */
class PrometheusProbeIT {
    @TempDir
    static Path dir;

    static HTTPServer app;
    static PrometheusServer prometheus;
    static BackendSettings env;

    @BeforeAll
    static void start() throws Exception {
        PrometheusServer.requireBinary();
        PrometheusRegistry registry = new PrometheusRegistry();
        Counter requests = Counter.builder()
                .name("app_requests_total")
                .labelNames("outcome")
                .register(registry);
        requests.labelValues("ok").inc(90);
        requests.labelValues("error").inc(10);
        Histogram duration = Histogram.builder()
                .name("app_request_duration_seconds")
                .classicOnly()
                .classicUpperBounds(0.1, 0.25, 0.5, 1.0)
                .register(registry);
        for (int i = 0; i < 100; i++) {
            duration.observe(0.2);
        }
        Gauge.builder().name("app_in_flight").register(registry).set(7);
        app = HTTPServer.builder()
                .hostname("127.0.0.1")
                .port(0)
                .registry(registry)
                .buildAndStart();
        prometheus = PrometheusServer.start(dir, List.of("127.0.0.1:" + app.getPort()));
        prometheus.awaitData("app_in_flight", Duration.ofSeconds(20));
        env = new BackendSettings("prometheus", Params.of("url", prometheus.url()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private static Probe probe(String... params) {
        return new Probe("p", "prometheus", Params.of(params), new Tolerance.Threshold(Tolerance.Op.LT, 1), true);
    }

    private static double read(String... params) throws Exception {
        try (MetricSource s = new PrometheusProbeProvider().open(probe(params), env)) {
            return s.read();
        }
    }

    @Test
    void anErrorRatioAP99FromAHistogramAndAnAbsoluteValueAreRead() throws Exception {
        assertThat(read("query", "sum(app_requests_total{outcome=\"error\"}) / sum(app_requests_total)"))
                .isCloseTo(0.1, within(1e-9));
        // 99th percentile in the (0.1, 0.25] bucket, interpolated as Prometheus does: 0.1 + 0.15 * 99/100
        assertThat(read("query", "histogram_quantile(0.99, sum by (le) (app_request_duration_seconds_bucket))"))
                .isCloseTo(0.2485, within(1e-9));
        assertThat(read("query", "app_in_flight")).isEqualTo(7);
        assertThat(read("query", "scalar(app_in_flight) * 2")).isEqualTo(14);
    }

    @Test
    void aWindowIsReadWithARangeQueryAndReduced() throws Exception {
        prometheus.awaitData("count_over_time(app_in_flight[10s]) >= 2", Duration.ofSeconds(20));
        assertThat(read("query", "app_in_flight", "range", "10s", "step", "1s", "reduce", "max"))
                .isEqualTo(7);
        assertThat(read("query", "sum(app_requests_total)", "range", "10s", "reduce", "avg"))
                .isEqualTo(100);
    }

    @Test
    void noDataFailsTheSampleUnlessTheProbeSaysWhatItCountsAs() throws Exception {
        assertThatThrownBy(() -> read("query", "app_no_such_metric"))
                .hasMessageContaining(
                        "probe 'p': no data: `app_no_such_metric` returned no series at " + prometheus.url());
        assertThat(read("query", "app_no_such_metric", "noData", "0")).isZero();
        assertThatThrownBy(() -> read("query", "app_no_such_metric", "range", "5s"))
                .hasMessageContaining("over the last 5s");
    }

    @Test
    void aQueryWithASyntaxErrorFailsWhenTheProbeOpensWithPrometheussOwnMessage() {
        assertThatThrownBy(() ->
                        new PrometheusProbeProvider().open(probe("query", "sum(rate(app_requests_total[1m])"), env))
                .hasMessageContaining("probe 'p': Prometheus at " + prometheus.url()
                        + " rejects the query `sum(rate(app_requests_total[1m])`: HTTP 400 bad_data: ")
                .hasMessageContaining("parse error");
    }

    @Test
    void severalSeriesAskTheAuthorToAggregate() {
        assertThatThrownBy(() -> read("query", "app_requests_total"))
                .hasMessageContaining("gives 2 series")
                .hasMessageContaining("aggregate it to one");
    }

    @Test
    void theEnvironmentsPrometheusIsCheckedAndAProbesOwnUrlWins() throws Exception {
        assertThat(new PrometheusProbeProvider().check(env).detail())
                .startsWith("Prometheus 2.")
                .endsWith(prometheus.url());
        assertThat(new PrometheusProbeProvider()
                        .open(
                                probe("query", "app_in_flight", "url", prometheus.url()),
                                BackendSettings.empty("prometheus"))
                        .read())
                .isEqualTo(7);
        assertThatThrownBy(() -> new PrometheusProbeProvider()
                        .open(probe("query", "app_in_flight"), BackendSettings.empty("prometheus")))
                .hasMessageContaining("no Prometheus URL");
    }
}
