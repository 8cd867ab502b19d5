package dev.faultline.sandbox;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import java.io.IOException;
import java.time.Duration;

/**
 * sandbox-order: {@code POST /orders} reserves the item at inventory, takes the payment through
 * {@code --payment-url} (the chaos proxy's address) and records the order in the database, each
 * call with a timeout and retries the way real services do; 201 when all three worked, 503 with a
 * fallback body when not.
 */
public final class OrderService {
    private OrderService() {}

    public static void main(String[] argv) throws IOException {
        ServiceRuntime rt = ServiceRuntime.fromArgs(argv, 64);
        int retries = rt.intArg("retries", 2);
        Downstream payment = new Downstream(
                "sandbox-order-payment",
                rt.args.getOrDefault("payment-url", "http://127.0.0.1:18082"),
                Duration.ofMillis(rt.intArg("timeout-ms", 800)),
                8);
        Downstream inventory = new Downstream(
                "sandbox-order-inventory",
                rt.args.getOrDefault("inventory-url", ""),
                Duration.ofMillis(rt.intArg("inventory-timeout-ms", 1000)),
                8);
        Downstream db = new Downstream(
                "sandbox-order-db",
                rt.args.getOrDefault("db-url", ""),
                Duration.ofMillis(rt.intArg("db-timeout-ms", 500)),
                8);
        boolean withInventory = !rt.args.getOrDefault("inventory-url", "").isEmpty();
        boolean withDb = !rt.args.getOrDefault("db-url", "").isEmpty();
        Counter orders = Counter.builder()
                .name("sandbox_orders")
                .help("orders handled")
                .labelNames("outcome")
                .register(rt.registry);
        Counter failedAt = Counter.builder()
                .name("sandbox_order_failures")
                .help("failed orders by the step that failed")
                .labelNames("step")
                .register(rt.registry);
        Counter retried = Counter.builder()
                .name("sandbox_payment_retries")
                .help("payment calls retried")
                .register(rt.registry);
        Counter dbRetried = Counter.builder()
                .name("sandbox_order_db_retries")
                .help("order inserts retried")
                .register(rt.registry);
        Counter inventoryRetried = Counter.builder()
                .name("sandbox_order_inventory_retries")
                .help("reservations retried")
                .register(rt.registry);
        Histogram duration = Histogram.builder()
                .name("sandbox_order_duration_seconds")
                .help("order time")
                .classicOnly()
                .classicUpperBounds(Buckets.LATENCY)
                .register(rt.registry);
        orders.labelValues("ok");
        orders.labelValues("failed");
        rt.route("/orders", x -> {
            long start = System.nanoTime();
            x.getRequestBody().readAllBytes();
            String failed = "";
            if (withInventory
                    && !inventory
                            .withRetries(
                                    "POST", "/reserve/book", "", 1, 50, inventoryRetried::inc, Downstream.Answer::ok)
                            .ok()) {
                failed = "inventory";
            } else if (payment.withRetries(
                                    "POST",
                                    "/pay",
                                    "{\"amount\":42}",
                                    retries,
                                    50,
                                    retried::inc,
                                    a -> a.status() == 200)
                            .status()
                    != 200) {
                failed = "payment";
            } else if (withDb
                    && !db.withRetries(
                                    "POST",
                                    "/orders",
                                    "{\"item\":\"book\"}",
                                    3,
                                    20,
                                    dbRetried::inc,
                                    Downstream.Answer::ok)
                            .ok()) {
                failed = "database";
            }
            orders.labelValues(failed.isEmpty() ? "ok" : "failed").inc();
            if (!failed.isEmpty()) {
                failedAt.labelValues(failed).inc();
            }
            duration.observe((System.nanoTime() - start) / 1e9);
            ServiceRuntime.respond(
                    x,
                    failed.isEmpty() ? 201 : 503,
                    failed.isEmpty()
                            ? "{\"status\":\"confirmed\"}"
                            : "{\"status\":\"" + failed + " unavailable, order not placed; please retry later\"}");
        });
        rt.serve();
    }
}
