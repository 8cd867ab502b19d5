package dev.faultline.plugin.local;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.engine.model.DependencyFault;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.JvmFault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProcessFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.plugin.local.proxy.ChaosProxyMain;
import dev.faultline.plugin.local.proxy.ChaosProxyServer;
import dev.faultline.plugin.local.proxy.EchoServer;
import dev.faultline.plugin.local.proxy.ProxyConfig;
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
            reverts(10);
        }
        if (parts.contains("stress")) {
            stress();
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

    // ---- time to revert each fault type ----

    private static void reverts(int rounds) throws Exception {
        try (EchoServer echo = new EchoServer();
                ChaosProxyServer server = ChaosProxyServer.start(
                        "127.0.0.1",
                        0,
                        List.of(new ProxyConfig(
                                "p",
                                "127.0.0.1:" + ChaosProxyBenchmarkPorts.free(),
                                "127.0.0.1:" + echo.port(),
                                true)))) {
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(server.apiUrl() + "/faultline/http"))
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"name\":\"h\",\"upstream\":\"127.0.0.1:" + echo.port() + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            LocalBackend b = new LocalBackend(server.apiUrl());
            Target proxy = new Target("proxy", Params.of("name", "p"));
            Target http = new Target("httpProxy", Params.of("name", "h"));
            Target host = new Target("host", Params.of("name", "local"));
            String marker = "faultline-bench-" + System.nanoTime();
            Process sleeper = new ProcessBuilder("sh", "-c", "sleep 600", marker).start();
            Target process = new Target("process", Params.of("pid", Long.toString(sleeper.pid())));
            JvmFault.JvmMethod work = new JvmFault.JvmMethod(JvmTargetMain.Work.class.getName(), "compute");
            try (JvmChild child = new JvmChild(marker + "-jvm")) {
                Target jvm = new Target("jvm", Params.of("pid", Long.toString(child.pid())));
                Map<String, FaultRequest> faults = new LinkedHashMap<>();
                Duration d = Duration.ofMinutes(1);
                faults.put(
                        "latency",
                        new FaultRequest(
                                "b",
                                "latency",
                                new ProxyFault.Latency(Duration.ofMillis(100), Duration.ZERO),
                                proxy,
                                1,
                                d));
                faults.put("down", new FaultRequest("b", "down", new ProxyFault.Down(), proxy, 1, d));
                faults.put("bandwidth", new FaultRequest("b", "bw", new ProxyFault.Bandwidth(10), proxy, 1, d));
                faults.put(
                        "reset-peer",
                        new FaultRequest("b", "rp", new ProxyFault.ResetPeer(Duration.ZERO), proxy, 1, d));
                faults.put(
                        "http (abort)",
                        new FaultRequest(
                                "b",
                                "http",
                                new HttpFault("", "/**", Map.of(), 503, Duration.ZERO, false, "", false, Map.of()),
                                http,
                                1,
                                d));
                faults.put(
                        "dependency (slow, proxy)",
                        new FaultRequest(
                                "b",
                                "dep",
                                new DependencyFault(DependencyFault.Mode.SLOW, Duration.ofMillis(200)),
                                proxy,
                                1,
                                d));
                faults.put("cpu-stress", new FaultRequest("b", "cpu", new StressFault.CpuStress(1, 50), host, 1, d));
                faults.put(
                        "memory-stress (32 MB)",
                        new FaultRequest("b", "mem", new StressFault.MemoryStress(32_000_000), host, 1, d));
                faults.put(
                        "disk-stress (write)",
                        new FaultRequest("b", "disk", new StressFault.DiskStress(32_000_000), host, 1, d));
                faults.put(
                        "disk-stress (fill 32 MB)",
                        new FaultRequest(
                                "b",
                                "fill",
                                new StressFault.DiskStress(32_000_000, StressFault.DiskIo.FILL, 0, ""),
                                host,
                                1,
                                d));
                faults.put(
                        "process-pause",
                        new FaultRequest("b", "pause", new ProcessFault.ProcessPause(), process, 1, d));
                faults.put(
                        "jvm-exception",
                        new FaultRequest(
                                "b", "jvmx", new JvmFault.JvmException(work, "java.io.IOException", "x"), jvm, 1, d));
                faults.put(
                        "jvm-latency",
                        new FaultRequest("b", "jvml", new JvmFault.JvmLatency(work, Duration.ofMillis(50)), jvm, 1, d));
                faults.put("jvm-return", new FaultRequest("b", "jvmr", new JvmFault.JvmReturn(work, "1"), jvm, 1, d));
                for (Map.Entry<String, FaultRequest> e : faults.entrySet()) {
                    long[] revert = new long[rounds];
                    long[] confirmed = new long[rounds];
                    for (int i = 0; i < rounds; i++) {
                        FaultRequest r = e.getValue();
                        FaultHandle h = b.prepare(r);
                        b.inject(r, h);
                        long t = System.nanoTime();
                        b.revert(h);
                        revert[i] = System.nanoTime() - t;
                        for (int k = 0; k < 500 && !b.verifyGone(h).gone(); k++) {
                            Thread.sleep(2);
                        }
                        confirmed[i] = System.nanoTime() - t;
                    }
                    Arrays.sort(revert);
                    Arrays.sort(confirmed);
                    System.out.printf(
                            Locale.ROOT,
                            "revert: %-26s revert call p50 %7.1f ms, max %7.1f ms; confirmed gone p50 %7.1f ms,"
                                    + " max %7.1f ms%n",
                            e.getKey(),
                            revert[rounds / 2] / 1e6,
                            revert[rounds - 1] / 1e6,
                            confirmed[rounds / 2] / 1e6,
                            confirmed[rounds - 1] / 1e6);
                }
            } finally {
                sleeper.destroyForcibly();
            }
        }
    }

    // ---- what each stressor does, against what was asked ----

    private static void stress() throws Exception {
        Target host = new Target("host", Params.of("name", "local"));
        Duration d = Duration.ofMinutes(1);
        long mb = 1_000_000;
        record Case(
                String name,
                Fault fault,
                String measure,
                java.util.function.ToLongFunction<Long> counter,
                double unit) {}
        List<Case> cases = List.of(
                new Case(
                        "cpu-stress 1 worker at 50%",
                        new StressFault.CpuStress(1, 50), "cores", StressMeter::cpuTicks, 100),
                new Case(
                        "cpu-stress 2 workers at 25%",
                        new StressFault.CpuStress(2, 25), "cores", StressMeter::cpuTicks, 100),
                new Case(
                        "memory-stress 256 MB",
                        new StressFault.MemoryStress(256 * mb),
                        "resident MB",
                        StressMeter::residentBytes,
                        0),
                new Case(
                        "memory-stress 512 MB growing 64 MB/s",
                        new StressFault.MemoryStress(512 * mb, 64 * mb),
                        "resident MB/s",
                        StressMeter::residentBytes,
                        mb),
                new Case(
                        "disk-stress write 64 MB",
                        new StressFault.DiskStress(64 * mb),
                        "written MB/s",
                        p -> StressMeter.io(p, "write_bytes"),
                        mb),
                new Case(
                        "disk-stress write at 25 MB/s",
                        new StressFault.DiskStress(64 * mb, StressFault.DiskIo.WRITE, 25 * mb, ""),
                        "written MB/s",
                        p -> StressMeter.io(p, "write_bytes"),
                        mb),
                new Case(
                        "disk-stress read 64 MB",
                        new StressFault.DiskStress(64 * mb, StressFault.DiskIo.READ, 0, ""),
                        "read from disk MB/s",
                        p -> StressMeter.io(p, "read_bytes"),
                        mb),
                new Case(
                        "disk-stress read at 40 MB/s",
                        new StressFault.DiskStress(64 * mb, StressFault.DiskIo.READ, 40 * mb, ""),
                        "read from disk MB/s",
                        p -> StressMeter.io(p, "read_bytes"),
                        mb),
                new Case(
                        "disk-stress fill 128 MB",
                        new StressFault.DiskStress(128 * mb, StressFault.DiskIo.FILL, 0, ""),
                        "held MB",
                        StressMeter::deletedFileBytes,
                        0));
        for (StressCommand.Choice choice : List.of(StressCommand.Choice.BUILT_IN, StressCommand.Choice.AUTO)) {
            LocalBackend b = new LocalBackend("http://127.0.0.1:1", choice);
            for (Case c : cases) {
                FaultRequest r = new FaultRequest("b", "stress", c.fault(), host, 1, d);
                FaultHandle h = b.prepare(r);
                if (choice == StressCommand.Choice.AUTO
                        && !h.data().require("engine").equals(StressCommand.STRESS_NG)) {
                    continue; // the built-in stressor, measured above
                }
                b.inject(r, h);
                try {
                    Thread.sleep(1_500);
                    double figure = c.unit() == 0
                            ? StressMeter.sum(h, c.counter()) / (double) mb
                            : StressMeter.rate(h, c.counter(), 3_000) / c.unit();
                    if (c.measure().equals("cores")) {
                        figure = StressMeter.rate(h, c.counter(), 3_000) / c.unit();
                    }
                    System.out.printf(
                            Locale.ROOT,
                            "stress: %-10s %-38s %-20s %8.2f%n",
                            h.data().require("engine"),
                            c.name(),
                            c.measure(),
                            figure);
                } finally {
                    b.revert(h);
                }
            }
        }
    }
}
