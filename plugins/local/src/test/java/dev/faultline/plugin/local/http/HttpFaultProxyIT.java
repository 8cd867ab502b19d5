package dev.faultline.plugin.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.plugin.local.proxy.ChaosProxyServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
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

/** The HTTP fault proxy with real HTTP traffic on 127.0.0.1, driven through the chaos proxy's API. */
class HttpFaultProxyIT {
    private static final String BIG = "x".repeat(100_000);

    private HttpServer upstream;
    private ChaosProxyServer server;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String base;

    @BeforeEach
    void start() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        upstream.createContext("/", x -> {
            x.getRequestBody().readAllBytes();
            byte[] body = ("hello " + x.getRequestMethod() + " "
                            + x.getRequestURI().getPath())
                    .getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        upstream.createContext("/chunked", x -> {
            x.sendResponseHeaders(200, 0); // 0 = chunked
            try (OutputStream out = x.getResponseBody()) {
                out.write(BIG.getBytes(StandardCharsets.UTF_8));
            }
        });
        upstream.start();
        server = ChaosProxyServer.start("127.0.0.1", 0, List.of());
        HttpResponse<String> created = api(
                "POST",
                "/faultline/http",
                "{\"name\":\"payments\",\"listen\":\"127.0.0.1:0\"," + "\"upstream\":\"127.0.0.1:"
                        + upstream.getAddress().getPort() + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        base = "http://" + created.body().replaceAll(".*\"listen\":\"([^\"]+)\".*", "$1");
    }

    @AfterEach
    void stop() {
        server.close();
        upstream.stop(0);
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.apiUrl() + path))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(5))
                        .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void fault(String json) throws Exception {
        assertThat(api("POST", "/faultline/http/payments/faults", json).statusCode())
                .isEqualTo(200);
    }

    @Test
    void unmatchedRequestsPassThroughIntactChunkedAndKeptAlive() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(call("GET", "/orders/1").body()).isEqualTo("hello GET /orders/1");
        }
        assertThat(call("GET", "/chunked").body()).isEqualTo(BIG);
    }

    @Test
    void anAbortAnswersWithItsStatusOnlyForTheMatchingMethodAndPath() throws Exception {
        fault("{\"name\":\"unavailable\",\"method\":\"POST\",\"path\":\"/pay*\",\"abort\":503}");
        assertThat(call("POST", "/pay").statusCode()).isEqualTo(503);
        assertThat(call("POST", "/payments").statusCode()).isEqualTo(503);
        assertThat(call("GET", "/pay").statusCode()).isEqualTo(200);
        assertThat(call("POST", "/orders").statusCode()).isEqualTo(200);
        assertThat(api("DELETE", "/faultline/http/payments/faults/unavailable", null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(call("POST", "/pay").statusCode()).isEqualTo(200);
    }

    @Test
    void delayResetAndBodyAndHeaderChangesDoWhatTheySay() throws Exception {
        fault("{\"name\":\"slow\",\"path\":\"/slow\",\"delay\":300}");
        long start = System.nanoTime();
        assertThat(call("GET", "/slow").body()).isEqualTo("hello GET /slow");
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(290);

        fault("{\"name\":\"cut\",\"path\":\"/cut\",\"reset\":true}");
        assertThatThrownBy(() -> call("GET", "/cut")).isInstanceOf(IOException.class);

        fault("{\"name\":\"lie\",\"path\":\"/lie\",\"replaceBody\":\"{\\\"status\\\":\\\"declined\\\"}\","
                + "\"addHeaders\":{\"X-Chaos\":\"yes\"}}");
        HttpResponse<String> lie = call("GET", "/lie");
        assertThat(lie.body()).isEqualTo("{\"status\":\"declined\"}");
        assertThat(lie.headers().firstValue("x-chaos")).contains("yes");

        fault("{\"name\":\"garble\",\"path\":\"/garble\",\"corruptBody\":true}");
        String garbled = call("GET", "/garble").body();
        assertThat(garbled).hasSameSizeAs("hello GET /garble").isNotEqualTo("hello GET /garble");
    }

    @Test
    void aShareAppliesTheFaultToAboutThatShareOfRequests() throws Exception {
        fault("{\"name\":\"flaky\",\"share\":0.5,\"abort\":500}");
        int failed = 0;
        for (int i = 0; i < 200; i++) {
            failed += call("GET", "/x").statusCode() == 500 ? 1 : 0;
        }
        assertThat(failed).isBetween(60, 140);
    }

    @Test
    void badFaultsAreRefusedAndResetClearsThem() throws Exception {
        assertThat(api("POST", "/faultline/http/payments/faults", "{\"name\":\"nothing\"}")
                        .body())
                .contains("a fault needs an action");
        assertThat(api("POST", "/faultline/http/payments/faults", "{\"name\":\"x\",\"abort\":999}")
                        .statusCode())
                .isEqualTo(400);
        fault("{\"name\":\"down\",\"abort\":503}");
        assertThat(api("POST", "/faultline/http/payments/faults", "{\"name\":\"down\",\"abort\":503}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(api("GET", "/faultline/http/nope", null).statusCode()).isEqualTo(404);
        assertThat(api("POST", "/reset", null).statusCode()).isEqualTo(204);
        assertThat(api("GET", "/faultline/http/payments/faults", null).body()).isEqualTo("[]");
        assertThat(call("GET", "/x").statusCode()).isEqualTo(200);
    }

    /**
     * Issue 13: a glob of many {@code **} and a path that almost matches it used to pin an event loop
     * (a backtracking regular expression) and, with every loop pinned, every other proxy. One such
     * request per loop now answers at once, and a second proxy serves its client meanwhile.
     */
    @Test
    void aPathologicalGlobNeitherPinsTheLoopsNorStopsOtherProxies() throws Exception {
        String glob = "/" + "**a".repeat(12) + "!";
        fault("{\"name\":\"evil\",\"path\":\"" + glob + "\",\"abort\":503}");
        HttpResponse<String> orders = api(
                "POST",
                "/faultline/http",
                "{\"name\":\"orders\",\"listen\":\"127.0.0.1:0\"," + "\"upstream\":\"127.0.0.1:"
                        + upstream.getAddress().getPort() + "\"}");
        String ordersBase = "http://" + orders.body().replaceAll(".*\"listen\":\"([^\"]+)\".*", "$1");
        String almost = "/" + "a".repeat(59);
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> pathological = new java.util.ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors() + 1; i++) {
            pathological.add(http.sendAsync(
                    HttpRequest.newBuilder(URI.create(base + almost))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        HttpResponse<String> other = http.send(
                HttpRequest.newBuilder(URI.create(ordersBase + "/orders/7"))
                        .timeout(Duration.ofSeconds(3))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.body()).isEqualTo("hello GET /orders/7");
        for (var answer : pathological) {
            assertThat(answer.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode())
                    .isEqualTo(200);
        }
        assertThat(call("GET", "/" + "a".repeat(59) + "!").statusCode()).isEqualTo(503);
    }

    @Test
    void globsOverTheBoundsAreRefusedWithTheReason() throws Exception {
        HttpResponse<String> wild = api(
                "POST",
                "/faultline/http/payments/faults",
                "{\"name\":\"evil\",\"path\":\"/" + "**a".repeat(17) + "!\",\"abort\":503}");
        assertThat(wild.statusCode()).isEqualTo(400);
        assertThat(wild.body()).contains("the path glob has 17 wildcards (*, ** or ?); at most 16");
        HttpResponse<String> longGlob = api(
                "POST",
                "/faultline/http/payments/faults",
                "{\"name\":\"long\",\"path\":\"/" + "a".repeat(300) + "\",\"abort\":503}");
        assertThat(longGlob.statusCode()).isEqualTo(400);
        assertThat(longGlob.body()).contains("the path glob is 301 characters long; at most 256");
    }

    @Test
    void delaysOverAnHourAndMoreThan64FaultsAreRefused() throws Exception {
        HttpResponse<String> slow = api(
                "POST", "/faultline/http/payments/faults", "{\"name\":\"slow\",\"delay\":9223372036854,\"abort\":503}");
        assertThat(slow.statusCode()).isEqualTo(400);
        assertThat(slow.body()).contains("delay is 9223372036854; it must be from 0 to 3600000");
        for (int i = 0; i < 64; i++) {
            fault("{\"name\":\"f" + i + "\",\"path\":\"/f" + i + "\",\"abort\":503}");
        }
        HttpResponse<String> more =
                api("POST", "/faultline/http/payments/faults", "{\"name\":\"one-more\",\"abort\":503}");
        assertThat(more.statusCode()).isEqualTo(400);
        assertThat(more.body()).contains("already has 64 faults, the most it takes; remove one first");
        assertThat(call("GET", "/f63").statusCode()).isEqualTo(503);
    }
}
