package dev.faultline.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every sandbox service has: {@code --name} and {@code --port} arguments, an HTTP server on
 * 127.0.0.1 with {@code /health} and {@code /metrics}, a bounded thread pool, and one line on
 * stdout when it is ready.
 */
final class ServiceRuntime {
    final String name;
    final int port;
    final Map<String, String> args;
    final PrometheusRegistry registry = new PrometheusRegistry();
    private final HttpServer server;

    private ServiceRuntime(Map<String, String> args, int threads) throws IOException {
        this.args = args;
        this.name = args.getOrDefault("name", "sandbox-service");
        this.port = Integer.parseInt(args.getOrDefault("port", "0"));
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/health", x -> respond(x, 200, "ok"));
        server.createContext("/metrics", new MetricsHandler(registry));
    }

    static ServiceRuntime fromArgs(String[] argv, int threads) throws IOException {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        return new ServiceRuntime(args, threads);
    }

    void route(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    /** Starts serving, says so on stdout, and serves until the process is stopped. */
    void serve() {
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), name + "-stop"));
        System.out.println(
                name + " listening on 127.0.0.1:" + server.getAddress().getPort());
        System.out.flush();
    }

    static void respond(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    int intArg(String key, int fallback) {
        return Integer.parseInt(args.getOrDefault(key, Integer.toString(fallback)));
    }
}
