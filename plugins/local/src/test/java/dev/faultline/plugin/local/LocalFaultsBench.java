package dev.faultline.plugin.local;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.plugin.local.proxy.ChaosProxyMain;
import dev.faultline.plugin.local.proxy.ChaosProxyServer;
import dev.faultline.plugin.local.proxy.EchoServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Timed measurements of the local injectors, side by side in one run (a main, not a unit test):
 * 1,000 concurrent connections through one chaos proxy process (its resident memory per
 * connection), HTTP fault proxy requests per second (direct, no fault, a matching fault), and the
 * time to revert each fault type until confirmed gone, and what each stressor really does (CPU,
 * memory, disk) against what was asked. Run: {@code scripts/bench LocalFaultsBench [connections]
 * [http] [reverts] [stress]} (all four when none is named).
 */
public final class LocalFaultsBench {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalFaultsBench() {}

    public static void main(String[] args) throws Exception {
        // As ChaosProxyServer does: the JDK HTTP server (the upstream here) otherwise answers ~40 ms late.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.out.println("transport: " + dev.faultline.plugin.local.proxy.Transport.name());
        List<String> parts = args.length == 0 ? List.of("connections", "http", "reverts", "stress") : List.of(args);
        if (parts.contains("connections")) {
            connections(1000);
        }
        if (parts.contains("http")) {
            httpProxy(Duration.ofSeconds(5), 16);
        }
        if (parts.contains("reverts")) {
            LocalRevertsBench.run(10);
        }
        if (parts.contains("stress")) {
            LocalStressBench.run();
        }
        System.exit(0);
    }

    // ---- 1,000 connections through one proxy process ----

    private static void connections(int n) throws Exception {
        try (EchoServer echo = new EchoServer()) {
            int api = ChaosProxyBenchmarkPorts.free();
            int listen = ChaosProxyBenchmarkPorts.free();
            Path config = Files.createTempFile("bench-proxies", ".json");
            Files.writeString(
                    config,
                    "[{\"name\":\"echo\",\"listen\":\"127.0.0.1:" + listen + "\",\"upstream\":\"127.0.0.1:"
                            + echo.port() + "\",\"enabled\":true}]");
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process proxy = new ProcessBuilder(
                            java,
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            ChaosProxyMain.class.getName(),
                            "--host",
                            "127.0.0.1",
                            "--port",
                            Integer.toString(api),
                            "--config",
                            config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                awaitUp("http://127.0.0.1:" + api + "/version");
                List<Socket> open = new ArrayList<>();
                roundTrips(open, listen, 50); // warm the proxy's paths
                open.forEach(LocalFaultsBench::close);
                open.clear();
                System.gc();
                Thread.sleep(500);
                long before = rssKb(proxy.pid());
                long[] rtt = roundTrips(open, listen, n);
                Thread.sleep(500);
                long after = rssKb(proxy.pid());
                Arrays.sort(rtt);
                System.out.printf(
                        Locale.ROOT,
                        "connections: %d open at once through one proxy; first round trip p50 %.2f ms,"
                                + " p99 %.2f ms; proxy RSS %d -> %d KiB: %.1f KiB per connection (two sockets each)%n",
                        n,
                        rtt[n / 2] / 1e6,
                        rtt[n * 99 / 100] / 1e6,
                        before,
                        after,
                        (after - before) / (double) n);
                long start = System.nanoTime();
                for (Socket s : open) {
                    roundTrip(s);
                }
                System.out.printf(
                        Locale.ROOT,
                        "connections: one more round trip on each of the %d: %.2f ms on average%n",
                        n,
                        (System.nanoTime() - start) / 1e6 / n);
                open.forEach(LocalFaultsBench::close);
            } finally {
                proxy.destroyForcibly();
            }
        }
    }

    private static long[] roundTrips(List<Socket> open, int port, int n) throws IOException {
        long[] rtt = new long[n];
        for (int i = 0; i < n; i++) {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(10_000);
            open.add(s);
            long t = System.nanoTime();
            roundTrip(s);
            rtt[i] = System.nanoTime() - t;
        }
        return rtt;
    }

    private static void roundTrip(Socket s) throws IOException {
        OutputStream out = s.getOutputStream();
        InputStream in = s.getInputStream();
        out.write(new byte[32]);
        int got = 0;
        byte[] b = new byte[32];
        while (got < 32) {
            int r = in.read(b, got, 32 - got);
            if (r < 0) {
                throw new IOException("closed");
            }
            got += r;
        }
    }

    private static long rssKb(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    private static void awaitUp(String url) throws Exception {
        for (int i = 0; i < 100; i++) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IOException(url + " did not answer");
    }

    // ---- HTTP fault proxy requests per second ----

    private static void httpProxy(Duration each, int clients) throws Exception {
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        upstream.setExecutor(Executors.newFixedThreadPool(8));
        upstream.createContext("/", x -> {
            x.getRequestBody().readAllBytes();
            byte[] body = "{\"status\":\"paid\"}".getBytes();
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        upstream.start();
        try (ChaosProxyServer server = ChaosProxyServer.start("127.0.0.1", 0, List.of())) {
            String created = HTTP.send(
                            HttpRequest.newBuilder(URI.create(server.apiUrl() + "/faultline/http"))
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"name\":\"pay\",\"upstream\":\"127.0.0.1:"
                                                    + upstream.getAddress().getPort() + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            String via = "http://" + created.replaceAll(".*\"listen\":\"([^\"]+)\".*", "$1");
            String direct = "http://127.0.0.1:" + upstream.getAddress().getPort();
            Map<String, Double> rps = new LinkedHashMap<>();
            rps.put("direct", rps(direct, each, clients));
            rps.put("through the HTTP fault proxy, no fault", rps(via, each, clients));
            fault(server, "{\"name\":\"tag\",\"path\":\"/**\",\"share\":1,\"addHeaders\":{\"X-Chaos\":\"yes\"}}");
            rps.put("through it, a matching fault on every request (added header)", rps(via, each, clients));
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(server.apiUrl() + "/faultline/http/pay/faults/tag"))
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            fault(server, "{\"name\":\"abort\",\"path\":\"/**\",\"share\":1,\"abort\":503}");
            rps.put("through it, a matching fault on every request (abort 503)", rps(via, each, clients));
            rps.forEach((k, v) -> System.out.printf(Locale.ROOT, "http: %-62s %,8.0f requests/s%n", k, v));
        } finally {
            upstream.stop(0);
        }
    }

    private static void fault(ChaosProxyServer server, String json) throws Exception {
        HTTP.send(
                HttpRequest.newBuilder(URI.create(server.apiUrl() + "/faultline/http/pay/faults"))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static double rps(String base, Duration each, int clients) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(4))
                .build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/pay"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        long end = warmEnd + each.toNanos();
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            fs.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    http.send(req, HttpResponse.BodyHandlers.discarding());
                    if (System.nanoTime() > warmEnd) {
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        return done.get() / (each.toNanos() / 1e9);
    }
}
