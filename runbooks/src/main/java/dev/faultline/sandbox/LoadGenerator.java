package dev.faultline.sandbox;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * sandbox-loadgen: sends {@code POST /orders} at a steady {@code --rate} per second, with at most
 * {@code --max-in-flight} requests open (beyond that a request is counted as dropped). The rate can
 * be changed while it runs: {@code POST /rate} with the new number of orders a second.
 */
public final class LoadGenerator {
    private LoadGenerator() {}

    public static void main(String[] argv) throws IOException {
        ServiceRuntime rt = ServiceRuntime.fromArgs(argv, 2);
        URI target = URI.create(rt.args.getOrDefault("target", "http://127.0.0.1:18080") + "/orders");
        int rate = Math.max(1, rt.intArg("rate", 20));
        Semaphore inFlight = new Semaphore(rt.intArg("max-in-flight", 100));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Counter requests = Counter.builder()
                .name("sandbox_loadgen_requests")
                .help("orders sent")
                .labelNames("outcome")
                .register(rt.registry);
        Histogram latency = Histogram.builder()
                .name("sandbox_loadgen_latency_seconds")
                .help("order latency seen by clients")
                .classicOnly()
                .classicUpperBounds(Buckets.LATENCY)
                .register(rt.registry);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-loadgen-ticker");
            t.setDaemon(true);
            return t;
        });
        Runnable send = () -> {
            if (!inFlight.tryAcquire()) {
                requests.labelValues("dropped").inc();
                return;
            }
            long start = System.nanoTime();
            http.sendAsync(
                            HttpRequest.newBuilder(target)
                                    .timeout(Duration.ofSeconds(10))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"book\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        inFlight.release();
                        latency.observe((System.nanoTime() - start) / 1e9);
                        requests.labelValues(e == null && r.statusCode() == 201 ? "ok" : "failed")
                                .inc();
                    });
        };
        AtomicReference<ScheduledFuture<?>> running = new AtomicReference<>(schedule(ticker, send, rate));
        AtomicInteger current = new AtomicInteger(rate);
        Gauge rateGauge = Gauge.builder()
                .name("sandbox_loadgen_rate")
                .help("orders a second asked for")
                .register(rt.registry);
        rateGauge.set(rate);
        // GET /rate tells the rate; POST /rate with a number (1..1000) changes it at once.
        rt.route("/rate", x -> {
            if (x.getRequestMethod().equals("POST")) {
                String body =
                        new String(x.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                int r;
                try {
                    r = Integer.parseInt(body);
                } catch (NumberFormatException e) {
                    r = 0;
                }
                if (r < 1 || r > 1000) {
                    ServiceRuntime.respond(
                            x,
                            400,
                            "{\"error\":\"the rate must be a whole number from 1 to 1000, not '"
                                    + body.replace("\"", "'") + "'\"}");
                    return;
                }
                running.getAndSet(schedule(ticker, send, r)).cancel(false);
                current.set(r);
                rateGauge.set(r);
            }
            ServiceRuntime.respond(x, 200, "{\"rate\":" + current.get() + "}");
        });
        rt.serve();
    }

    private static ScheduledFuture<?> schedule(ScheduledExecutorService ticker, Runnable send, int perSecond) {
        return ticker.scheduleAtFixedRate(send, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }
}
