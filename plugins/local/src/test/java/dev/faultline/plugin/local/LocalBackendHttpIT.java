package dev.faultline.plugin.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackendContract;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.engine.spi.TargetDiscovery;
import dev.faultline.plugin.local.proxy.ChaosProxyServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local backend's http fault through a real HTTP fault proxy in front of a real HTTP service. */
class LocalBackendHttpIT extends FaultBackendContract {
    private HttpServer upstream;
    private ChaosProxyServer server;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        upstream.createContext("/", x -> {
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        upstream.start();
        server = ChaosProxyServer.start("127.0.0.1", 0, List.of());
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(server.apiUrl() + "/faultline/http"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"payments\",\"upstream\":\"127.0.0.1:"
                                + upstream.getAddress().getPort() + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        base = "http://" + created.body().replaceAll(".*\"listen\":\"([^\"]+)\".*", "$1");
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

    @Override
    protected FaultRequest request() {
        return FaultRequest.atShare(
                "run1",
                "unavailable",
                new HttpFault("POST", "/pay*", Map.of(), 503, Duration.ZERO, false, "", false, Map.of()),
                new Target("httpProxy", Params.of("name", "payments")),
                1.0,
                Duration.ofSeconds(30));
    }

    @Override
    protected boolean effectPresent(FaultHandle handle) throws Exception {
        return http.send(
                                HttpRequest.newBuilder(URI.create(base + "/pay"))
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                == 503;
    }

    @Test
    void theHttpProxyIsFoundInPreflightAndAMissingOneIsNamed() throws Exception {
        try (var b = provider().create(settings())) {
            assertThat(((TargetDiscovery) b).findTarget(new Target("httpProxy", Params.of("name", "payments"))))
                    .contains("HTTP proxy payments");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> ((TargetDiscovery) b).findTarget(new Target("httpProxy", Params.of("name", "cart"))))
                    .hasMessageContaining("has no HTTP proxy 'cart'");
        }
    }
}
