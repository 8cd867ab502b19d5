package dev.faultline.sandbox;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * sandbox-loadgen: sends {@code POST /orders} at a steady {@code --rate} per second, with at most
 * {@code --max-in-flight} requests open (beyond that a request is counted as dropped).
 */
public final class LoadGenerator {
    private LoadGenerator() {
    }

    public static void main(String[] argv) throws IOException {
        ServiceRuntime rt = ServiceRuntime.fromArgs(argv, 2);
        URI target = URI.create(rt.args.getOrDefault("target", "http://127.0.0.1:18080") + "/orders");
        int rate = Math.max(1, rt.intArg("rate", 20));
        Semaphore inFlight = new Semaphore(rt.intArg("max-in-flight", 100));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Counter requests = Counter.builder().name("sandbox_loadgen_requests").help("orders sent")
                .labelNames("outcome").register(rt.registry);
        Histogram latency = Histogram.builder().name("sandbox_loadgen_latency_seconds").help("order latency seen by clients")
                .classicOnly().classicUpperBounds(Buckets.LATENCY).register(rt.registry);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-loadgen-ticker");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> {
            if (!inFlight.tryAcquire()) {
                requests.labelValues("dropped").inc();
                return;
            }
            long start = System.nanoTime();
            http.sendAsync(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"book\"}")).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        inFlight.release();
                        latency.observe((System.nanoTime() - start) / 1e9);
                        requests.labelValues(e == null && r.statusCode() == 201 ? "ok" : "failed").inc();
                    });
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        rt.serve();
    }
}
