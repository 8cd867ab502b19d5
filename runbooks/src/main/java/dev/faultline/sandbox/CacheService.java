package dev.faultline.sandbox;

import io.prometheus.metrics.core.metrics.Counter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * sandbox-cache, a small key-value cache in the manner of Redis: {@code GET /items/ID} (200 or
 * 404), {@code PUT /items/ID}; entries live {@code --ttl-ms} (default 5 s), so the database still
 * sees a trickle of reads.
 */
public final class CacheService {
    private CacheService() {}

    private record Entry(String value, long expiresAt) {}

    public static void main(String[] argv) throws IOException {
        ServiceRuntime rt = ServiceRuntime.fromArgs(argv, 32);
        long ttl = rt.intArg("ttl-ms", 5_000);
        ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
        Counter requests = Counter.builder()
                .name("sandbox_cache_requests")
                .help("cache requests")
                .labelNames("op", "result")
                .register(rt.registry);
        rt.route("/items/", x -> {
            String key = x.getRequestURI().getPath().substring("/items/".length());
            if (x.getRequestMethod().equals("PUT")) {
                entries.put(
                        key,
                        new Entry(
                                new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                                System.currentTimeMillis() + ttl));
                requests.labelValues("put", "ok").inc();
                ServiceRuntime.respond(x, 200, "{}");
                return;
            }
            Entry e = entries.get(key);
            if (e == null || e.expiresAt() < System.currentTimeMillis()) {
                requests.labelValues("get", "miss").inc();
                ServiceRuntime.respond(x, 404, "{\"error\":\"not cached\"}");
            } else {
                requests.labelValues("get", "hit").inc();
                ServiceRuntime.respond(x, 200, e.value());
            }
        });
        rt.serve();
    }
}
