package dev.faultline.plugin.local.bench;

import dev.faultline.plugin.local.proxy.ChaosProxyServer;
import dev.faultline.plugin.local.proxy.ProxyConfig;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The chaos proxy against a direct loopback connection, side by side in one run: throughput of a
 * stream ({@code stream}, MiB per second), the round trip of 64 bytes ({@code roundTrip}), with no
 * toxic and with a latency toxic of 20 ms (accuracy: the round trip minus the direct one).
 * Run: {@code scripts/bench ChaosProxyBenchmark}.
 *
 * <p>{@code -p path=toxiproxy,toxiproxy-latency20ms -jvmArgsAppend -Dbench.toxiproxy=http://127.0.0.1:8474}
 * measures a running Toxiproxy server the same way, for comparison: its proxies are made and
 * removed through its HTTP API.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 4)
@Fork(1)
public class ChaosProxyBenchmark {
    private static final int CHUNK = 256 * 1024;
    private static final int CHUNKS = 64; // 16 MiB per operation

    /**
     * direct: no proxy; proxy: through the chaos proxy, no toxic; latency20ms: a 20 ms latency toxic
     * downstream; toxiproxy and toxiproxy-latency20ms: the same through the Toxiproxy server at
     * {@code -Dbench.toxiproxy}.
     */
    @Param({"direct", "proxy", "latency20ms"})
    public String path;

    private LoopbackServers sink;
    private LoopbackServers echo;
    private ChaosProxyServer proxy;
    private String api;
    private Socket stream;
    private Socket ping;
    private final byte[] chunk = new byte[CHUNK];
    private final byte[] msg = new byte[64];
    private final byte[] back = new byte[64];

    @Setup(Level.Trial)
    public void start() throws Exception {
        sink = new LoopbackServers(false);
        echo = new LoopbackServers(true);
        int sinkPort = sink.port();
        int echoPort = echo.port();
        if (!path.equals("direct")) {
            int sinkVia = freePort();
            int echoVia = freePort();
            if (path.startsWith("toxiproxy")) {
                api = System.getProperty("bench.toxiproxy");
                if (api == null) {
                    throw new IllegalStateException(
                            "path " + path + " needs -Dbench.toxiproxy=http://HOST:PORT of a running toxiproxy-server");
                }
                post("/proxies", proxyJson("sink", sinkVia, sinkPort));
                post("/proxies", proxyJson("echo", echoVia, echoPort));
            } else {
                proxy = ChaosProxyServer.start(
                        "127.0.0.1",
                        0,
                        List.of(
                                new ProxyConfig("sink", "127.0.0.1:" + sinkVia, "127.0.0.1:" + sinkPort, true),
                                new ProxyConfig("echo", "127.0.0.1:" + echoVia, "127.0.0.1:" + echoPort, true)));
                api = proxy.apiUrl();
            }
            sinkPort = sinkVia;
            echoPort = echoVia;
            if (path.endsWith("latency20ms")) {
                for (String p : List.of("sink", "echo")) {
                    post(
                            "/proxies/" + p + "/toxics",
                            "{\"name\":\"lat\",\"type\":\"latency\",\"stream\":"
                                    + "\"downstream\",\"attributes\":{\"latency\":20}}");
                }
            }
        }
        stream = LoopbackServers.connect(sinkPort);
        ping = LoopbackServers.connect(echoPort);
    }

    private static String proxyJson(String name, int listen, int upstream) {
        return "{\"name\":\"" + name + "\",\"listen\":\"127.0.0.1:" + listen + "\",\"upstream\":\"127.0.0.1:" + upstream
                + "\",\"enabled\":true}";
    }

    private void post(String to, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api + to))
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + api + to + ": " + r.statusCode() + " " + r.body());
        }
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        stream.close();
        ping.close();
        if (proxy != null) {
            proxy.close();
        } else if (api != null) {
            for (String p : List.of("sink", "echo")) {
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(api + "/proxies/" + p))
                                        .DELETE()
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
            }
        }
        sink.close();
        echo.close();
    }

    /** MiB/s: each operation writes 16 MiB; the socket's send buffer is the only slack. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(16)
    public void stream() throws IOException {
        for (int i = 0; i < CHUNKS; i++) {
            stream.getOutputStream().write(chunk);
        }
    }

    /** One 64-byte message there and back. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] roundTrip() throws IOException {
        LoopbackServers.roundTrip(ping, msg, back);
        return back;
    }
}
