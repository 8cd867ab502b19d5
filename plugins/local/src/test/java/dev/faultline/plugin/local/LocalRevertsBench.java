package dev.faultline.plugin.local;

import dev.faultline.engine.model.DependencyFault;
import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.JvmFault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProcessFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.plugin.local.proxy.ChaosProxyServer;
import dev.faultline.plugin.local.proxy.EchoServer;
import dev.faultline.plugin.local.proxy.ProxyConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Part of {@link LocalFaultsBench}: the time to revert each local fault type until confirmed gone. */
final class LocalRevertsBench {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalRevertsBench() {}

    // ---- time to revert each fault type ----

    static void run(int rounds) throws Exception {
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
                        FaultRequest.atShare(
                                "b",
                                "latency",
                                new ProxyFault.Latency(Duration.ofMillis(100), Duration.ZERO),
                                proxy,
                                1,
                                d));
                faults.put("down", FaultRequest.atShare("b", "down", new ProxyFault.Down(), proxy, 1, d));
                faults.put("bandwidth", FaultRequest.atShare("b", "bw", new ProxyFault.Bandwidth(10), proxy, 1, d));
                faults.put(
                        "reset-peer",
                        FaultRequest.atShare("b", "rp", new ProxyFault.ResetPeer(Duration.ZERO), proxy, 1, d));
                faults.put(
                        "http (abort)",
                        FaultRequest.atShare(
                                "b",
                                "http",
                                new HttpFault("", "/**", Map.of(), 503, Duration.ZERO, false, "", false, Map.of()),
                                http,
                                1,
                                d));
                faults.put(
                        "dependency (slow, proxy)",
                        FaultRequest.atShare(
                                "b",
                                "dep",
                                new DependencyFault(DependencyFault.Mode.SLOW, Duration.ofMillis(200)),
                                proxy,
                                1,
                                d));
                faults.put(
                        "cpu-stress", FaultRequest.atShare("b", "cpu", new StressFault.CpuStress(1, 50), host, 1, d));
                faults.put(
                        "memory-stress (32 MB)",
                        FaultRequest.atShare("b", "mem", new StressFault.MemoryStress(32_000_000), host, 1, d));
                faults.put(
                        "disk-stress (write)",
                        FaultRequest.atShare("b", "disk", new StressFault.DiskStress(32_000_000), host, 1, d));
                faults.put(
                        "disk-stress (fill 32 MB)",
                        FaultRequest.atShare(
                                "b",
                                "fill",
                                new StressFault.DiskStress(32_000_000, StressFault.DiskIo.FILL, 0, ""),
                                host,
                                1,
                                d));
                faults.put(
                        "process-pause",
                        FaultRequest.atShare("b", "pause", new ProcessFault.ProcessPause(), process, 1, d));
                faults.put(
                        "jvm-exception",
                        FaultRequest.atShare(
                                "b", "jvmx", new JvmFault.JvmException(work, "java.io.IOException", "x"), jvm, 1, d));
                faults.put(
                        "jvm-latency",
                        FaultRequest.atShare(
                                "b", "jvml", new JvmFault.JvmLatency(work, Duration.ofMillis(50)), jvm, 1, d));
                faults.put(
                        "jvm-return", FaultRequest.atShare("b", "jvmr", new JvmFault.JvmReturn(work, "1"), jvm, 1, d));
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
}
