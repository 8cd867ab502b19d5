package dev.faultline.plugin.local;

import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.plugin.local.proxy.ChaosProxyServer;
import dev.faultline.plugin.local.proxy.EchoServer;
import dev.faultline.plugin.local.proxy.ProxyConfig;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long a progressive rollout's stage change takes to apply on each local fault with a share:
 * in place (a toxic's toxicity, an HTTP fault's share) against the fallback the other backends use
 * (revert, then inject at the new share); and on {@code process-pause} over counts of processes (1
 * and 2 of 3 real processes, revert + inject, the only way a count changes). The proxy carries {@code connections} open connections,
 * since an in-place toxic change is settled on each of them. A main, not a unit test. Run:
 * {@code scripts/bench LocalShareChangeBench [rounds] [connections]} (default 200 rounds, 100
 * connections).
 */
public final class LocalShareChangeBench {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalShareChangeBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int listen = ChaosProxyBenchmarkPorts.free();
        try (EchoServer echo = new EchoServer();
                ChaosProxyServer server = ChaosProxyServer.start(
                        "127.0.0.1",
                        0,
                        List.of(new ProxyConfig("p", "127.0.0.1:" + listen, "127.0.0.1:" + echo.port(), true)))) {
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(server.apiUrl() + "/faultline/http"))
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"name\":\"h\",\"upstream\":\"127.0.0.1:" + echo.port() + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            List<Socket> open = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", listen), 2_000);
                open.add(s);
            }
            LocalBackend b = new LocalBackend(server.apiUrl());
            Target proxy = new Target("proxy", Params.of("name", "p"));
            Target http = new Target("httpProxy", Params.of("name", "h"));
            Map<String, FaultRequest> faults = Map.of(
                    "latency toxic",
                    request("lat", new ProxyFault.Latency(Duration.ofMillis(100), Duration.ZERO), proxy),
                    "reset-peer toxic",
                    request("rst", new ProxyFault.ResetPeer(Duration.ofSeconds(1)), proxy),
                    "bandwidth toxic",
                    request("bw", new ProxyFault.Bandwidth(64), proxy),
                    "slow-close toxic",
                    request("sc", new ProxyFault.SlowClose(Duration.ofMillis(100)), proxy),
                    "timeout toxic",
                    request("to", new ProxyFault.ConnectionTimeout(Duration.ofSeconds(1)), proxy),
                    "slicer toxic",
                    request("sl", new ProxyFault.Slicer(64, 16, Duration.ofMillis(1)), proxy),
                    "limit-data toxic",
                    request("ld", new ProxyFault.LimitData(1_000_000), proxy),
                    "http 503",
                    request(
                            "http",
                            new HttpFault("POST", "/pay", Map.of(), 503, Duration.ZERO, false, "", false, Map.of()),
                            http));
            System.out.printf(
                    Locale.ROOT,
                    "%d rounds each, %d open connections through the proxy, %d cores%n",
                    rounds,
                    connections,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(
                    Locale.ROOT, "%-18s %-28s %9s %9s %9s%n", "fault", "stage change", "median", "p95", "max");
            for (var e : new java.util.TreeMap<>(faults).entrySet()) {
                FaultRequest r = e.getValue();
                FaultHandle h = b.prepare(r);
                b.inject(r, h);
                long[] inPlace = new long[rounds];
                long[] reinjected = new long[rounds];
                for (int i = 0; i < rounds; i++) {
                    FaultRequest wider = r.withShare(i % 2 == 0 ? 0.25 : 0.5);
                    long t = System.nanoTime();
                    b.changeShare(wider, h);
                    inPlace[i] = System.nanoTime() - t;
                    t = System.nanoTime();
                    b.revert(h);
                    b.inject(wider, h);
                    reinjected[i] = System.nanoTime() - t;
                }
                b.revert(h);
                print(e.getKey(), "in place (FaultShareChange)", inPlace);
                print(e.getKey(), "revert + inject (fallback)", reinjected);
            }
            for (Socket s : open) {
                s.close();
            }
            processCounts(b, rounds);
        }
    }

    /**
     * A rollout over counts of targets on {@code process-pause}: 1 ↔ 2 of 3 real processes paused, by
     * revert (SIGCONT to each) + inject (SIGSTOP to each, waited for until /proc says stopped), the only
     * way a count changes.
     */
    private static void processCounts(LocalBackend b, int rounds) throws Exception {
        String marker = "faultline-bench-" + java.util.UUID.randomUUID();
        List<Process> children = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                children.add(new ProcessBuilder("sh", "-c", "sleep 600", marker).start());
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while ((Processes.matching(marker).size() != 3
                            || !children.stream()
                                    .allMatch(c -> c.descendants().findAny().isPresent()))
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Target t = new Target("process", Params.of("name", marker));
            FaultRequest r = FaultRequest.atShare(
                            "bench",
                            "pause",
                            new dev.faultline.engine.model.ProcessFault.ProcessPause(),
                            t,
                            1.0,
                            Duration.ofMinutes(5))
                    .withTargets(1);
            FaultHandle h = b.prepare(r);
            b.inject(r, h);
            long[] changes = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                FaultRequest next = r.withTargets(i % 2 == 0 ? 2 : 1);
                long start = System.nanoTime();
                b.revert(h);
                b.inject(next, h);
                changes[i] = System.nanoTime() - start;
            }
            b.revert(h);
            print("process-pause", "revert + inject, 1 <-> 2 of 3", changes);
        } finally {
            for (Process c : children) {
                new ProcessBuilder("kill", "-CONT", Long.toString(c.pid()))
                        .start()
                        .waitFor();
                c.descendants().forEach(ProcessHandle::destroyForcibly);
                c.destroyForcibly();
            }
        }
    }

    private static FaultRequest request(String step, dev.faultline.engine.model.Fault f, Target t) {
        return FaultRequest.atShare("bench", step, f, t, 0.1, Duration.ofMinutes(5));
    }

    private static void print(String fault, String how, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%-18s %-28s %7.2fms %7.2fms %7.2fms%n",
                fault,
                how,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
