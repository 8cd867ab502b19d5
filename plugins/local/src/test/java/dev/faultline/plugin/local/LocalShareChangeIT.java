package dev.faultline.plugin.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.engine.spi.FaultShareChange;
import dev.faultline.plugin.local.proxy.ChaosProxyServer;
import dev.faultline.plugin.local.proxy.EchoServer;
import dev.faultline.plugin.local.proxy.ProxyConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rollout's next stage on the local backend: the share of a proxy toxic (its toxicity) and of an
 * HTTP fault changes in place, on a real chaos proxy over TCP and HTTP on 127.0.0.1, without the
 * fault being removed: open connections keep going and the wider share reaches them.
 */
class LocalShareChangeIT {
    private static final int CONNECTIONS = 40;
    private static final Duration LATENCY = Duration.ofMillis(400);

    private EchoServer echo;
    private HttpServer upstream;
    private ChaosProxyServer server;
    private int listenPort;
    private String httpBase;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        echo = new EchoServer();
        try (ServerSocket free = new ServerSocket(0)) {
            listenPort = free.getLocalPort();
        }
        server = ChaosProxyServer.start(
                "127.0.0.1",
                0,
                List.of(new ProxyConfig("payments", "127.0.0.1:" + listenPort, "127.0.0.1:" + echo.port(), true)));
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        upstream.createContext("/", x -> {
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        upstream.start();
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(server.apiUrl() + "/faultline/http"))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"payments-http\",\"upstream\":\"127.0.0.1:"
                                        + upstream.getAddress().getPort() + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        httpBase = "http://" + created.body().replaceAll(".*\"listen\":\"([^\"]+)\".*", "$1");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        upstream.stop(0);
        echo.close();
    }

    private FaultBackend backend() throws Exception {
        return new LocalBackendProvider().create(new BackendSettings("local", Params.of("proxyApi", server.apiUrl())));
    }

    @Test
    void aLatencyToxicWidensInPlaceOverTheConnectionsAlreadyOpen() throws Exception {
        FaultRequest first = FaultRequest.atShare(
                "run1",
                "slow",
                new ProxyFault.Latency(LATENCY, Duration.ZERO),
                new Target("proxy", Params.of("name", "payments")),
                0.01,
                Duration.ofSeconds(60));
        List<Socket> open = new ArrayList<>();
        try (FaultBackend b = backend();
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", listenPort), 2_000);
                s.setSoTimeout(5_000);
                open.add(s);
                roundTripMillis(s);
            }
            FaultHandle h = b.prepare(first);
            b.inject(first, h);
            assertThat(((FaultShareChange) b).changesShareInPlace(h)).isTrue();
            Set<Integer> slowAtOnePercent = slow(open, threads);
            assertThat(slowAtOnePercent).hasSizeLessThan(7);

            ((FaultShareChange) b).changeShare(first.withShare(0.5), h);
            Set<Integer> slowAtHalf = slow(open, threads);
            assertThat(slowAtHalf).hasSizeBetween(6, 34).containsAll(slowAtOnePercent);
            assertThat(toxics()).contains("\"toxicity\":0.5").contains(h.id());

            ((FaultShareChange) b).changeShare(first.withShare(1.0), h);
            assertThat(slow(open, threads)).hasSize(CONNECTIONS);

            b.revert(h);
            assertThat(slow(open, threads)).isEmpty();
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
    }

    @Test
    void anHttpFaultWidensInPlaceFromTheNextRequestOn() throws Exception {
        FaultRequest first = FaultRequest.atShare(
                "run1",
                "failing",
                new HttpFault("POST", "/pay", Map.of(), 503, Duration.ZERO, false, "", false, Map.of()),
                new Target("httpProxy", Params.of("name", "payments-http")),
                0.01,
                Duration.ofSeconds(60));
        try (FaultBackend b = backend()) {
            FaultHandle h = b.prepare(first);
            b.inject(first, h);
            assertThat(((FaultShareChange) b).changesShareInPlace(h)).isTrue();
            assertThat(failed(200)).isLessThan(15);

            ((FaultShareChange) b).changeShare(first.withShare(1.0), h);
            assertThat(failed(50)).isEqualTo(50);
            assertThat(httpFaults()).contains("\"share\":1.0").contains(h.data().require("fault"));

            b.revert(h);
            assertThat(failed(20)).isZero();
        }
    }

    @Test
    void changingTheShareOfAFaultThatIsGoneSaysSo() throws Exception {
        FaultRequest r = FaultRequest.atShare(
                "run1",
                "failing",
                new HttpFault("POST", "/pay", Map.of(), 503, Duration.ZERO, false, "", false, Map.of()),
                new Target("httpProxy", Params.of("name", "payments-http")),
                0.1,
                Duration.ofSeconds(60));
        try (FaultBackend b = backend()) {
            FaultHandle h = b.prepare(r);
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> ((FaultShareChange) b).changeShare(r.withShare(0.5), h))
                    .hasMessageContaining("changing the share of")
                    .hasMessageContaining("404");
        }
    }

    /** The connections (by index) on which two round trips in a row are both slowed by the latency. */
    private static Set<Integer> slow(List<Socket> open, ExecutorService threads) throws Exception {
        List<Future<Long>> trips = new ArrayList<>();
        for (Socket s : open) {
            trips.add(threads.submit(() -> Math.min(roundTripMillis(s), roundTripMillis(s))));
        }
        Set<Integer> slow = new TreeSet<>();
        for (int i = 0; i < trips.size(); i++) {
            if (trips.get(i).get() >= LATENCY.toMillis() * 3 / 4) {
                slow.add(i);
            }
        }
        return slow;
    }

    private static long roundTripMillis(Socket s) throws IOException {
        long start = System.nanoTime();
        s.getOutputStream().write("ping\n".getBytes());
        s.getOutputStream().flush();
        byte[] buf = new byte[5];
        int read = 0;
        while (read < 5) {
            int n = s.getInputStream().read(buf, read, 5 - read);
            if (n < 0) {
                throw new IOException("closed after " + read + " bytes");
            }
            read += n;
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private int failed(int requests) throws Exception {
        int failed = 0;
        for (int i = 0; i < requests; i++) {
            int status = http.send(
                            HttpRequest.newBuilder(URI.create(httpBase + "/pay"))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            failed += status == 503 ? 1 : 0;
        }
        return failed;
    }

    private String toxics() throws Exception {
        return get("/proxies/payments/toxics");
    }

    private String httpFaults() throws Exception {
        return get("/faultline/http/payments-http/faults");
    }

    private String get(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(server.apiUrl() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body()
                .replace(" ", "");
    }
}
