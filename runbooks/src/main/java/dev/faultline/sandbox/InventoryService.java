package dev.faultline.sandbox;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import java.io.IOException;
import java.time.Duration;

/**
 * sandbox-inventory: {@code POST /reserve/ID} checks the item's stock cache-aside: the cache first
 * (through the chaos proxy's {@code cache} link, 100 ms timeout), on a miss the database and the
 * cache filled; when the cache fails it falls back to the database directly (slower, but bounded:
 * a 40-60 ms query, 2 retries).
 */
public final class InventoryService {
    private InventoryService() {}

    public static void main(String[] argv) throws IOException {
        ServiceRuntime rt = ServiceRuntime.fromArgs(argv, 48);
        Downstream cache = new Downstream(
                "sandbox-inventory-cache",
                rt.args.getOrDefault("cache-url", "http://127.0.0.1:18087"),
                Duration.ofMillis(rt.intArg("cache-timeout-ms", 100)),
                4);
        Downstream db = new Downstream(
                "sandbox-inventory-db",
                rt.args.getOrDefault("db-url", "http://127.0.0.1:18089"),
                Duration.ofMillis(rt.intArg("db-timeout-ms", 500)),
                4);
        Counter lookups = Counter.builder()
                .name("sandbox_inventory_cache")
                .help("stock lookups in the cache")
                .labelNames("result")
                .register(rt.registry);
        Counter fallbacks = Counter.builder()
                .name("sandbox_inventory_fallbacks")
                .help("lookups sent to the database" + " because the cache failed")
                .register(rt.registry);
        Counter reservations = Counter.builder()
                .name("sandbox_inventory_reservations")
                .help("reservations")
                .labelNames("outcome")
                .register(rt.registry);
        Histogram duration = Histogram.builder()
                .name("sandbox_inventory_duration_seconds")
                .help("reservation time")
                .classicOnly()
                .classicUpperBounds(Buckets.LATENCY)
                .register(rt.registry);
        Counter dbRetries = Counter.builder()
                .name("sandbox_inventory_db_retries")
                .help("database reads retried")
                .register(rt.registry);
        reservations.labelValues("ok");
        reservations.labelValues("failed");
        fallbacks.inc(0);
        rt.route("/reserve/", x -> {
            long start = System.nanoTime();
            x.getRequestBody().readAllBytes();
            String item = x.getRequestURI().getPath().substring("/reserve/".length());
            Downstream.Answer cached = cache.call("GET", "/items/" + item, "");
            Downstream.Answer stock = cached;
            if (cached.status() == 200) {
                lookups.labelValues("hit").inc();
            } else {
                boolean miss = cached.status() == 404;
                lookups.labelValues(miss ? "miss" : "error").inc();
                if (!miss) {
                    fallbacks.inc();
                }
                stock = db.withRetries("GET", "/items/" + item, "", 2, 20, dbRetries::inc, Downstream.Answer::ok);
                if (miss && stock.ok()) {
                    cache.call("PUT", "/items/" + item, stock.body());
                }
            }
            reservations.labelValues(stock.ok() ? "ok" : "failed").inc();
            duration.observe((System.nanoTime() - start) / 1e9);
            ServiceRuntime.respond(
                    x,
                    stock.ok() ? 200 : 503,
                    stock.ok()
                            ? "{\"reserved\":\"" + item + "\"}"
                            : "{\"error\":\"stock unknown: cache and database failed\"}");
        });
        rt.serve();
    }
}
