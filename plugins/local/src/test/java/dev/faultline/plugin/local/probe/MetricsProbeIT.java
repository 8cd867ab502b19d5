package dev.faultline.plugin.local.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.spi.MetricSource;
import dev.faultline.engine.spi.ProbeException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The metrics and http probes against a real HTTP server on 127.0.0.1. */
class MetricsProbeIT {
    private HttpServer server;
    private final AtomicReference<String> metrics = new AtomicReference<>("");
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/metrics", x -> {
            byte[] b = metrics.get().getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        server.createContext("/health", x -> {
            x.sendResponseHeaders(status.get(), -1);
            x.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private MetricSource metricsProbe(String... params) {
        Params p = Params.of(params).with("url", base + "/metrics");
        assertThat(new MetricsProbeProvider().validate(p)).isEmpty();
        return new MetricsProbeProvider()
                .open(new Probe("p", "metrics", p, new Tolerance.Threshold(Tolerance.Op.GE, 0), true));
    }

    @Test
    void ratioIsComputedOverTheIncreaseSinceTheLastRead() throws Exception {
        MetricSource ratio = metricsProbe("ratio.of", "orders_total{outcome=\"ok\"}", "ratio.to", "orders_total");
        metrics.set("orders_total{outcome=\"ok\"} 90\norders_total{outcome=\"failed\"} 10\n");
        assertThat(ratio.read()).isEqualTo(0.9);
        metrics.set("orders_total{outcome=\"ok\"} 100\norders_total{outcome=\"failed\"} 50\n");
        assertThat(ratio.read()).isEqualTo(0.2); // +10 ok of +50 orders
        assertThatThrownBy(ratio::read)
                .isInstanceOf(ProbeException.class)
                .hasMessageContaining("no orders_total counted");
    }

    @Test
    void aMarkStartsTheWindowSoACountersHistoryBeforeItIsLeftOut() throws Exception {
        MetricSource ratio = metricsProbe("ratio.of", "orders_total{outcome=\"ok\"}", "ratio.to", "orders_total");
        // A cold start failed half the orders before the run began.
        metrics.set("orders_total{outcome=\"ok\"} 50\norders_total{outcome=\"failed\"} 50\n");
        ratio.mark();
        metrics.set("orders_total{outcome=\"ok\"} 70\norders_total{outcome=\"failed\"} 50\n");
        assertThat(ratio.read()).isEqualTo(1.0); // +20 ok of +20 orders since the mark

        MetricSource rate = metricsProbe("rate", "orders_total");
        rate.mark();
        metrics.set("orders_total{outcome=\"ok\"} 90\norders_total{outcome=\"failed\"} 50\n");
        assertThat(rate.read()).isPositive(); // a rate's first read needs no second sample after a mark

        MetricSource p50 = metricsProbe("quantile.q", "0.5", "quantile.histogram", "d_seconds");
        metrics.set(
                "d_seconds_bucket{le=\"0.1\"} 0\nd_seconds_bucket{le=\"1\"} 100\nd_seconds_bucket{le=\"+Inf\"} 100\n");
        p50.mark();
        metrics.set(
                "d_seconds_bucket{le=\"0.1\"} 10\nd_seconds_bucket{le=\"1\"} 110\nd_seconds_bucket{le=\"+Inf\"} 110\n");
        assertThat(p50.read()).isLessThanOrEqualTo(100); // the 10 fast ones since the mark, not the slow 100 before
    }

    @Test
    void quantileOfASecondsHistogramIsInMilliseconds() throws Exception {
        MetricSource p99 = metricsProbe("quantile.q", "0.5", "quantile.histogram", "d_seconds");
        metrics.set(
                "d_seconds_bucket{le=\"0.1\"} 0\nd_seconds_bucket{le=\"0.2\"} 10\nd_seconds_bucket{le=\"+Inf\"} 10\n");
        assertThat(p99.read()).isCloseTo(150, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void missingSeriesAndUnreachableEndpointsAreFailedReads() {
        MetricSource v = metricsProbe("value", "nothing_here");
        metrics.set("something_else 1\n");
        assertThatThrownBy(v::read)
                .isInstanceOf(ProbeException.class)
                .hasMessageContaining("no series matching nothing_here");
        server.stop(0);
        assertThatThrownBy(v::read).isInstanceOf(ProbeException.class).hasMessageContaining("GET " + base);
    }

    @Test
    void httpProbeMeasuresLatencyAndReportsErrorStatuses() throws Exception {
        Params p = Params.of("url", base + "/health");
        MetricSource latency = new HttpProbeProvider()
                .open(new Probe("h", "http", p, new Tolerance.Threshold(Tolerance.Op.LT, 1000), true));
        assertThat(latency.read()).isBetween(0.0, 2000.0);
        status.set(503);
        assertThatThrownBy(latency::read).isInstanceOf(ProbeException.class).hasMessageContaining("answered 503");
        MetricSource code = new HttpProbeProvider()
                .open(new Probe("h", "http", p.with("measure", "status"), new Tolerance.Exact(200), true));
        assertThat(code.read()).isEqualTo(503);
    }

    @Test
    void badSettingsAreReportedByKey() {
        assertThat(new MetricsProbeProvider().validate(Params.of("url", "ftp://x", "value", "a", "rate", "b")))
                .anyMatch(s -> s.contains("not an http"))
                .anyMatch(s -> s.contains("exactly one of"));
        assertThat(new HttpProbeProvider().validate(Params.of("url", base, "measure", "speed")))
                .anyMatch(s -> s.contains("measure must be latency or status"));
    }
}
