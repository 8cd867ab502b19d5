package dev.faultline.plugin.prometheus.bench;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.MetricSource;
import dev.faultline.plugin.prometheus.PrometheusProbeProvider;
import dev.faultline.plugin.prometheus.PrometheusServer;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one sample of a PromQL probe costs: {@code MetricSource.read()} of an instant query and of a
 * 60-point range query, against (a) a local HTTP server giving a canned Prometheus answer (the cost
 * of Faultline's own side: request, HTTP on loopback, JSON, reduce) and (b) a real Prometheus
 * scraping a real /metrics endpoint (adds the server's query evaluation). Run:
 * {@code scripts/bench PromQLProbeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 4)
@Fork(1)
public class PromQLProbeBenchmark {
    private static final String VECTOR = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
            + "[{\"metric\":{},\"value\":[1700000000.5,\"0.0123\"]}]}}";

    @Param({"canned", "prometheus"})
    public String server;

    @Param({"instant", "range60"})
    public String query;

    private HttpServer canned;
    private HTTPServer app;
    private PrometheusServer prometheus;
    private Path dir;
    private MetricSource source;

    @Setup(Level.Trial)
    public void start() throws Exception {
        String url;
        if (server.equals("canned")) {
            // Without it the JDK server's small writes wait ~40 ms for delayed ACKs (Nagle), which Go's server never
            // does.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            canned = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String matrix = matrix();
            canned.createContext("/api/v1/", x -> {
                x.getRequestBody().readAllBytes();
                byte[] body = (x.getRequestURI().getPath().endsWith("query_range") ? matrix : VECTOR)
                        .getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().set("Content-Type", "application/json");
                x.sendResponseHeaders(200, body.length);
                x.getResponseBody().write(body);
                x.close();
            });
            canned.start();
            url = "http://127.0.0.1:" + canned.getAddress().getPort();
        } else {
            PrometheusRegistry registry = new PrometheusRegistry();
            Counter c = Counter.builder()
                    .name("bench_requests_total")
                    .labelNames("outcome")
                    .register(registry);
            c.labelValues("ok").inc(990);
            c.labelValues("error").inc(10);
            app = HTTPServer.builder()
                    .hostname("127.0.0.1")
                    .port(0)
                    .registry(registry)
                    .buildAndStart();
            dir = Files.createTempDirectory("promql-bench");
            prometheus = PrometheusServer.start(dir, List.of("127.0.0.1:" + app.getPort()));
            prometheus.awaitData(
                    "count_over_time(bench_requests_total{outcome=\"ok\"}[10s]) >= 3", Duration.ofSeconds(30));
            url = prometheus.url();
        }
        Params p = query.equals("instant")
                ? Params.of(
                        "query",
                        "sum(rate(bench_requests_total{outcome=\"error\"}[5s])) / sum(rate(bench_requests_total[5s]))",
                        "noData",
                        "0")
                : Params.of("query", "sum(bench_requests_total)", "range", "60s", "step", "1s", "reduce", "avg");
        source = new PrometheusProbeProvider()
                .open(
                        new Probe("bench", "prometheus", p, new Tolerance.Threshold(Tolerance.Op.LT, 1), true),
                        new BackendSettings("prometheus", Params.of("url", url)));
    }

    private static String matrix() {
        StringBuilder b = new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":"
                + "[{\"metric\":{},\"values\":[");
        for (int i = 0; i < 60; i++) {
            b.append(i == 0 ? "" : ",")
                    .append("[")
                    .append(1700000000 + i)
                    .append(",\"")
                    .append(1000 + i)
                    .append("\"]");
        }
        return b.append("]}]}}").toString();
    }

    @Benchmark
    public double read() throws Exception {
        return source.read();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        source.close();
        if (canned != null) {
            canned.stop(0);
        }
        if (prometheus != null) {
            prometheus.close();
        }
        if (app != null) {
            app.close();
        }
    }
}
