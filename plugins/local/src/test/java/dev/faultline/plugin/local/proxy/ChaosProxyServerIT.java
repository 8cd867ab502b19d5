package dev.faultline.plugin.local.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chaos proxy with real TCP traffic on 127.0.0.1, driven through its Toxiproxy-style API. */
class ChaosProxyServerIT {
    private EchoServer echo;
    private ChaosProxyServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private int proxyPort;

    @BeforeEach
    void start() throws Exception {
        echo = new EchoServer();
        server = ChaosProxyServer.start("127.0.0.1", 0, List.of());
        HttpResponse<String> r = call("POST", "/proxies",
                "{\"name\":\"echo\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:" + echo.port() + "\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        proxyPort = Integer.parseInt(r.body().replaceAll(".*\"listen\":\"127.0.0.1:(\\d+)\".*", "$1"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        echo.close();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.apiUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private long median(int n) throws IOException {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            times.add(EchoServer.roundTripMillis(proxyPort));
        }
        times.sort(Long::compare);
        return times.get(n / 2);
    }

    @Test
    void bytesPassUnchangedAndALatencyToxicDelaysThem() throws Exception {
        assertThat(median(5)).isLessThan(100);
        HttpResponse<String> r = call("POST", "/proxies/echo/toxics",
                "{\"type\":\"latency\",\"attributes\":{\"latency\":200,\"jitter\":20}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"name\":\"latency_downstream\"").contains("\"latency\":200");
        long delayed = median(5);
        assertThat(delayed).isBetween(175L, 600L);
        assertThat(call("DELETE", "/proxies/echo/toxics/latency_downstream", null).statusCode()).isEqualTo(204);
        assertThat(median(5)).isLessThan(100);
    }

    @Test
    void aToxicWithToxicityZeroTouchesNoConnection() throws Exception {
        call("POST", "/proxies/echo/toxics", "{\"type\":\"latency\",\"toxicity\":0,\"attributes\":{\"latency\":500}}");
        assertThat(median(5)).isLessThan(100);
    }

    @Test
    void aDisabledProxyRefusesConnectionsAndComesBackWhenEnabled() throws Exception {
        assertThat(call("POST", "/proxies/echo", "{\"enabled\":false}").body()).contains("\"enabled\":false");
        assertThatThrownBy(() -> EchoServer.roundTripMillis(proxyPort)).isInstanceOf(IOException.class);
        assertThat(call("POST", "/proxies/echo", "{\"enabled\":true}").statusCode()).isEqualTo(200);
        assertThat(EchoServer.roundTripMillis(proxyPort)).isLessThan(1000);
    }

    @Test
    void theApiAnswersWithToxiproxysCodesAndBadInputLeavesProxiesRunning() throws Exception {
        call("POST", "/proxies/echo/toxics", "{\"name\":\"slow\",\"type\":\"latency\",\"attributes\":{\"latency\":1}}");
        assertThat(call("POST", "/proxies/echo/toxics", "{\"name\":\"slow\",\"type\":\"latency\"}").statusCode())
                .isEqualTo(409);
        assertThat(call("POST", "/proxies", "{\"name\":\"echo\",\"upstream\":\"127.0.0.1:1\"}").body())
                .contains("proxy already exists");
        assertThat(call("GET", "/proxies/nope", null).body()).isEqualTo("{\"error\":\"proxy not found\",\"status\":404}\n");
        assertThat(call("DELETE", "/proxies/echo/toxics/nope", null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/proxies/echo/toxics", "{\"type\":\"teleport\"}").body()).contains("invalid toxic type");
        assertThat(call("POST", "/proxies/echo/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":-5}}")
                .statusCode()).isEqualTo(400);
        assertThat(call("POST", "/proxies/echo/toxics", "not json").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/proxies", "{\"name\":\"other\",\"listen\":\"127.0.0.1:" + proxyPort
                + "\",\"upstream\":\"127.0.0.1:1\"}").body()).contains("address already in use");
        assertThat(call("GET", "/version", null).statusCode()).isEqualTo(200);
        assertThat(EchoServer.roundTripMillis(proxyPort)).isLessThan(1000);
    }

    @Test
    void resetEnablesEveryProxyAndRemovesEveryToxic() throws Exception {
        call("POST", "/proxies/echo/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":500}}");
        call("POST", "/proxies/echo", "{\"enabled\":false}");
        assertThat(call("POST", "/reset", null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/proxies/echo", null).body()).contains("\"enabled\":true").contains("\"toxics\":[]");
        assertThat(median(3)).isLessThan(100);
    }
}
