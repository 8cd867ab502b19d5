package dev.faultline.plugin.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.engine.model.DependencyFault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultBackendContract;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.plugin.local.proxy.ChaosProxyServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dependency faults through a real chaos proxy: a TCP proxy {@code payments} in front of an HTTP
 * fault proxy {@code payments-http} in front of a real HTTP service, as in the sandbox.
 */
class LocalBackendDependencyIT extends FaultBackendContract {
    private HttpServer upstream;
    private ChaosProxyServer server;
    private String viaHttpProxy;
    private String viaTcpProxy;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void start() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        upstream.createContext("/", x -> {
            byte[] body = "{\"status\":\"paid\"}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        upstream.start();
        int tcpPort = freePort();
        server = ChaosProxyServer.start("127.0.0.1", 0, List.of());
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(server.apiUrl() + "/faultline/http"))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"payments-http\",\"upstream\":\"127.0.0.1:"
                                        + upstream.getAddress().getPort() + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String httpListen = created.body().replaceAll(".*\"listen\":\"([^\"]+)\".*", "$1");
        viaHttpProxy = "http://" + httpListen;
        http.send(
                HttpRequest.newBuilder(URI.create(server.apiUrl() + "/proxies"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"payments\",\"listen\":\"127.0.0.1:"
                                + tcpPort + "\",\"upstream\":\"" + httpListen + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        viaTcpProxy = "http://127.0.0.1:" + tcpPort;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @AfterEach
    void stop() {
        server.close();
        upstream.stop(0);
    }

    @Override
    protected BackendSettings settings() {
        return new BackendSettings("local", Params.of("proxyApi", server.apiUrl()));
    }

    @Override
    protected FaultBackendProvider provider() {
        return new LocalBackendProvider();
    }

    private static FaultRequest request(
            String kind, String name, DependencyFault.Mode mode, Duration latency, double share) {
        return FaultRequest.atShare(
                "run1",
                "dep-" + mode.runbookName(),
                new DependencyFault(mode, latency),
                new Target(kind, Params.of("name", name)),
                share,
                Duration.ofSeconds(30));
    }

    @Override
    protected FaultRequest request() {
        return request("httpProxy", "payments-http", DependencyFault.Mode.UNAVAILABLE, Duration.ZERO, 1);
    }

    @Override
    protected boolean effectPresent(FaultHandle handle) throws Exception {
        return post(viaHttpProxy).statusCode() == 503;
    }

    private HttpResponse<String> post(String base) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/pay"))
                        .timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSlowDependencyOnTheTcpProxyDelaysEveryCall() throws Exception {
        try (FaultBackend b = provider().create(settings())) {
            FaultRequest slow = request("proxy", "payments", DependencyFault.Mode.SLOW, Duration.ofMillis(300), 1);
            FaultHandle h = b.prepare(slow);
            b.inject(slow, h);
            long start = System.nanoTime();
            assertThat(post(viaTcpProxy).statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(290);
            b.revert(h);
            start = System.nanoTime();
            assertThat(post(viaTcpProxy).statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(250);
        }
    }

    @Test
    void anIntermittentDependencyFailsAboutItsShareAndACorruptOneGarblesBodies() throws Exception {
        try (FaultBackend b = provider().create(settings())) {
            FaultRequest some =
                    request("httpProxy", "payments-http", DependencyFault.Mode.INTERMITTENT, Duration.ZERO, 0.3);
            FaultHandle h = b.prepare(some);
            b.inject(some, h);
            int failed = 0;
            for (int i = 0; i < 200; i++) {
                failed += post(viaHttpProxy).statusCode() == 503 ? 1 : 0;
            }
            b.revert(h);
            assertThat(failed).isBetween(30, 95);

            FaultRequest corrupt =
                    request("httpProxy", "payments-http", DependencyFault.Mode.CORRUPT, Duration.ZERO, 1);
            FaultHandle hc = b.prepare(corrupt);
            b.inject(corrupt, hc);
            assertThat(post(viaHttpProxy).body()).isNotEqualTo("{\"status\":\"paid\"}");
            b.revert(hc);
            assertThat(post(viaHttpProxy).body()).isEqualTo("{\"status\":\"paid\"}");
        }
    }

    @Test
    void anUnavailableDependencyOnTheTcpProxyIsTheLinkDown() throws Exception {
        try (FaultBackend b = provider().create(settings())) {
            FaultRequest down = request("proxy", "payments", DependencyFault.Mode.UNAVAILABLE, Duration.ZERO, 1);
            FaultHandle h = b.prepare(down);
            b.inject(down, h);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> post(viaTcpProxy))
                    .isInstanceOf(IOException.class);
            b.revert(h);
            assertThat(post(viaTcpProxy).statusCode()).isEqualTo(200);
        }
    }
}
