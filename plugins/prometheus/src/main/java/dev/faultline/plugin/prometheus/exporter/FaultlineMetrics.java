package dev.faultline.plugin.prometheus.exporter;

import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunListener;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Faultline's own metrics, from the run events, on {@code http://HOST:PORT/metrics}:
 * {@code faultline_experiments_started_total{environment}},
 * {@code faultline_experiments_completed_total{environment,outcome}},
 * {@code faultline_experiments_halted_total{environment}},
 * {@code faultline_run_duration_seconds{outcome}} (a histogram) and {@code faultline_active_faults}
 * (injected and not yet reverted). Dry runs are not counted. Only counters move on the run's
 * threads; the HTTP server has threads of its own.
 */
public final class FaultlineMetrics implements RunListener, AutoCloseable {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter started = Counter.builder()
            .name("faultline_experiments_started_total")
            .help("Experiments started (dry runs not counted)")
            .labelNames("environment")
            .register(registry);
    private final Counter completed = Counter.builder()
            .name("faultline_experiments_completed_total")
            .help("Experiments that finished, by outcome")
            .labelNames("environment", "outcome")
            .register(registry);
    private final Counter halted = Counter.builder()
            .name("faultline_experiments_halted_total")
            .help("Experiments halted by a stop condition, the kill switch or a signal")
            .labelNames("environment")
            .register(registry);
    private final Histogram duration = Histogram.builder()
            .name("faultline_run_duration_seconds")
            .help("How long runs took, from start to result")
            .labelNames("outcome")
            .classicOnly()
            .classicUpperBounds(1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600)
            .register(registry);
    private final Gauge active = Gauge.builder()
            .name("faultline_active_faults")
            .help("Faults injected and not yet reverted")
            .register(registry);
    private final Set<String> dryRuns = ConcurrentHashMap.newKeySet();
    private final Set<String> activeFaults = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, String> environments = new ConcurrentHashMap<>();

    /** Counts without serving: for tests, or to serve through {@link #serve}. */
    public FaultlineMetrics() {
        active.set(0);
    }

    @Override
    public void onEvent(RunEvent event) {
        if (event instanceof RunEvent.RunStarted s) {
            if (s.dryRun()) {
                dryRuns.add(s.runId());
                return;
            }
            environments.put(s.runId(), s.environment());
            started.labelValues(s.environment()).inc();
        } else if (dryRuns.contains(event.runId())) {
            if (event instanceof RunEvent.RunFinished) {
                dryRuns.remove(event.runId());
            }
        } else if (event instanceof RunEvent.FaultInjected f) {
            activeFaults.add(f.runId() + " " + f.faultId());
            active.set(activeFaults.size());
        } else if (event instanceof RunEvent.FaultReverted f) {
            activeFaults.remove(f.runId() + " " + f.faultId());
            active.set(activeFaults.size());
        } else if (event instanceof RunEvent.RunFinished f) {
            finished(f.result());
        }
    }

    private void finished(RunResult r) {
        String env = environments.getOrDefault(r.runId(), r.environment());
        environments.remove(r.runId());
        completed.labelValues(env, r.outcome().name()).inc();
        if (r.outcome() == RunOutcome.HALTED) {
            halted.labelValues(env).inc();
        }
        duration.labelValues(r.outcome().name())
                .observe(Duration.between(r.startedAt(), r.endedAt()).toMillis() / 1000.0);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** Serves the metrics on {@code host:port} (0: a free port) until closed. */
    public Server serve(String host, int port) throws IOException {
        ExecutorService threads = Executors.newFixedThreadPool(
                2,
                Thread.ofPlatform()
                        .name("faultline-metrics-http-", 1)
                        .daemon(true)
                        .factory());
        try {
            HTTPServer http = HTTPServer.builder()
                    .hostname(host)
                    .port(port)
                    .registry(registry)
                    .executorService(threads)
                    .buildAndStart();
            return new Server(http, threads);
        } catch (IOException e) {
            threads.shutdownNow();
            throw new IOException("cannot serve metrics on " + host + ":" + port + " (" + e.getMessage() + ")", e);
        }
    }

    /** The running metrics endpoint. */
    public static final class Server implements AutoCloseable {
        private final HTTPServer http;
        private final ExecutorService threads;

        Server(HTTPServer http, ExecutorService threads) {
            this.http = http;
            this.threads = threads;
        }

        public int port() {
            return http.getPort();
        }

        @Override
        public void close() {
            http.close();
            threads.shutdownNow();
        }
    }

    @Override
    public void close() {
        activeFaults.clear();
    }
}
