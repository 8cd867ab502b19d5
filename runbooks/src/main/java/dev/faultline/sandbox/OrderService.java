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

/**
 * sandbox-order: {@code POST /orders} takes a payment through {@code --payment-url} (the chaos
 * proxy's address), with a per-call timeout and retries, the way real services do; 201 when paid,
 * 503 with a fallback body when not.
 */
public final class OrderService {
    private OrderService() {
    }

    public static void main(String[] argv) throws IOException {
        ServiceRuntime rt = ServiceRuntime.fromArgs(argv, 64);
        URI payment = URI.create(rt.args.getOrDefault("payment-url", "http://127.0.0.1:18082") + "/pay");
        Duration timeout = Duration.ofMillis(rt.intArg("timeout-ms", 800));
        int retries = rt.intArg("retries", 2);
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout)
                .executor(Executors.newFixedThreadPool(8, r -> {
                    Thread t = new Thread(r, "sandbox-order-client");
                    t.setDaemon(true);
                    return t;
                })).build();
        Counter orders = Counter.builder().name("sandbox_orders").help("orders handled")
                .labelNames("outcome").register(rt.registry);
        Counter retried = Counter.builder().name("sandbox_payment_retries").help("payment calls retried")
                .register(rt.registry);
        Histogram duration = Histogram.builder().name("sandbox_order_duration_seconds").help("order time")
                .classicOnly().classicUpperBounds(Buckets.LATENCY).register(rt.registry);
        orders.labelValues("ok");
        orders.labelValues("failed");
        rt.route("/orders", x -> {
            long start = System.nanoTime();
            x.getRequestBody().readAllBytes();
            boolean paid = false;
            for (int attempt = 0; attempt <= retries && !paid; attempt++) {
                if (attempt > 0) {
                    retried.inc();
                    pause(50);
                }
                paid = pay(http, payment, timeout);
            }
            orders.labelValues(paid ? "ok" : "failed").inc();
            duration.observe((System.nanoTime() - start) / 1e9);
            ServiceRuntime.respond(x, paid ? 201 : 503, paid ? "{\"status\":\"confirmed\"}"
                    : "{\"status\":\"payment unavailable, order not placed; please retry later\"}");
        });
        rt.serve();
    }

    private static boolean pay(HttpClient http, URI payment, Duration timeout) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(payment).timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":42}")).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
