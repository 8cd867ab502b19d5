package dev.faultline.sandbox;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * sandbox-db, the database stand-in: {@code GET /items/ID} (a 40-60 ms query: a real one, not a key lookup) and
 * {@code POST /orders} (a 2-5 ms insert), each on a connection of a {@link ConnectionPool} of
 * {@code --pool-size} (default 10). No connection: 503, as a JDBC driver's error would surface.
 */
public final class DatabaseService {
    private DatabaseService() {}

    public static void main(String[] argv) throws IOException {
        ServiceRuntime rt = ServiceRuntime.fromArgs(argv, 48);
        ConnectionPool pool = new ConnectionPool(rt.intArg("pool-size", 10), rt.intArg("pool-wait-ms", 200));
        Counter queries = Counter.builder()
                .name("sandbox_db_queries")
                .help("database queries")
                .labelNames("kind", "outcome")
                .register(rt.registry);
        Histogram duration = Histogram.builder()
                .name("sandbox_db_query_duration_seconds")
                .help("query time, waiting included")
                .classicOnly()
                .classicUpperBounds(Buckets.LATENCY)
                .register(rt.registry);
        GaugeWithCallback.builder()
                .name("sandbox_db_pool_in_use")
                .help("connections borrowed")
                .callback(cb -> cb.call(pool.inUse()))
                .register(rt.registry);
        ConcurrentHashMap<String, AtomicLong> stock = new ConcurrentHashMap<>();
        AtomicLong orderIds = new AtomicLong();
        rt.route("/items/", x -> {
            long start = System.nanoTime();
            String item = x.getRequestURI().getPath().substring("/items/".length());
            try (ConnectionPool.Connection c = pool.acquire()) {
                work(40, 60);
                long left = stock.computeIfAbsent(item, k -> new AtomicLong(1_000_000))
                        .get();
                queries.labelValues("read", "ok").inc();
                ServiceRuntime.respond(x, 200, "{\"item\":\"" + item + "\",\"stock\":" + left + "}");
            } catch (SQLException e) {
                queries.labelValues("read", "failed").inc();
                ServiceRuntime.respond(x, 503, "{\"error\":\"" + e.getMessage() + "\"}");
            }
            duration.observe((System.nanoTime() - start) / 1e9);
        });
        rt.route("/orders", x -> {
            long start = System.nanoTime();
            x.getRequestBody().readAllBytes();
            try (ConnectionPool.Connection c = pool.acquire()) {
                work(2, 5);
                queries.labelValues("insert", "ok").inc();
                ServiceRuntime.respond(x, 201, "{\"order\":" + orderIds.incrementAndGet() + "}");
            } catch (SQLException e) {
                queries.labelValues("insert", "failed").inc();
                ServiceRuntime.respond(x, 503, "{\"error\":\"" + e.getMessage() + "\"}");
            }
            duration.observe((System.nanoTime() - start) / 1e9);
        });
        rt.serve();
    }

    private static void work(int minMs, int maxMs) {
        Downstream.pause(minMs + ThreadLocalRandom.current().nextInt(maxMs - minMs + 1));
    }
}
