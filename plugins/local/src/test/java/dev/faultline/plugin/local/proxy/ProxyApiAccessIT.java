package dev.faultline.plugin.local.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 4: what the chaos proxy API lets in. Names it could never address again are
 * refused; with a token every request needs it; IPv6 addresses are written {@code [::1]:port};
 * bodies are bounded.
 */
class ProxyApiAccessIT {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpResponse<String> call(
            ChaosProxyServer server, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.apiUrl() + path))
                .timeout(Duration.ofSeconds(5))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void namesThatCannotBeAddressedInAUrlPathAreRefused() throws Exception {
        try (ChaosProxyServer server = ChaosProxyServer.start("127.0.0.1", 0, List.of())) {
            for (String name : List.of("a/b", "..", "x..y", "..%2f", "a b", "a?b", "tab\\tx")) {
                HttpResponse<String> r = call(
                        server,
                        "POST",
                        "/proxies",
                        "{\"name\":\"" + name + "\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:9\"}");
                assertThat(r.statusCode()).as(name).isEqualTo(400);
                assertThat(r.body()).as(name).contains("\"status\":400").contains("proxy name");
            }
            HttpResponse<String> populate = call(
                    server,
                    "POST",
                    "/populate",
                    "[{\"name\":\"ok\",\"upstream\":\"127.0.0.1:9\"},{\"name\":\"no/way\",\"upstream\":\"127.0.0.1:9\"}]");
            assertThat(populate.statusCode()).isEqualTo(400);
            assertThat(populate.body()).contains("proxy name 'no/way' at proxy 2 contains '/'");
            assertThat(call(server, "GET", "/proxies", null).body()).isEqualTo("{}");
            HttpResponse<String> http =
                    call(server, "POST", "/faultline/http", "{\"name\":\"h/1\",\"upstream\":\"127.0.0.1:9\"}");
            assertThat(http.statusCode()).isEqualTo(400);

            HttpResponse<String> fine = call(
                    server,
                    "POST",
                    "/proxies",
                    "{\"name\":\"shop.db:5432-a_b\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:9\"}");
            assertThat(fine.statusCode()).isEqualTo(201);
            HttpResponse<String> toxic = call(
                    server,
                    "POST",
                    "/proxies/shop.db:5432-a_b/toxics",
                    "{\"name\":\"t/1\",\"type\":\"latency\",\"attributes\":{\"latency\":1}}");
            assertThat(toxic.statusCode()).isEqualTo(400);
            assertThat(toxic.body()).contains("toxic name 't/1' contains '/'");
            assertThat(call(server, "DELETE", "/proxies/shop.db:5432-a_b", null).statusCode())
                    .isEqualTo(204);
        }
    }

    @Test
    void withATokenEveryRequestNeedsIt() throws Exception {
        try (ChaosProxyServer server = ChaosProxyServer.start("127.0.0.1", 0, List.of(), ApiToken.of(TOKEN, "test"))) {
            HttpResponse<String> none = call(server, "GET", "/version", null);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(none.body()).contains("send Authorization: Bearer TOKEN");
            assertThat(call(
                                    server,
                                    "POST",
                                    "/proxies",
                                    "{\"name\":\"p\",\"upstream\":\"127.0.0.1:9\"}",
                                    "Authorization",
                                    "Bearer " + TOKEN + "x")
                            .statusCode())
                    .isEqualTo(401);
            assertThat(call(server, "GET", "/proxies", null).statusCode()).isEqualTo(401);
            assertThat(call(server, "GET", "/version", null, "Authorization", "Bearer " + TOKEN)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(call(
                                    server,
                                    "POST",
                                    "/proxies",
                                    "{\"name\":\"p\",\"upstream\":\"127.0.0.1:9\"}",
                                    "Authorization",
                                    "Bearer " + TOKEN)
                            .statusCode())
                    .isEqualTo(201);
            assertThat(server.exposureWarning()).isNull();
        }
    }

    @Test
    void ipv6AddressesAreWrittenInBrackets() throws Exception {
        assumeTrue(ipv6LoopbackWorks(), "no IPv6 loopback on this machine");
        for (String host : List.of("::1", "[::1]")) {
            try (ChaosProxyServer server = ChaosProxyServer.start(host, 0, List.of())) {
                assertThat(server.apiUrl()).isEqualTo("http://[::1]:" + server.apiPort());
                HttpResponse<String> r = call(
                        server,
                        "POST",
                        "/proxies",
                        "{\"name\":\"six\",\"listen\":\"[::1]:0\",\"upstream\":\"[::1]:9\"}");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                assertThat(r.body())
                        .matches(".*\"listen\":\"\\[::1\\]:\\d+\".*")
                        .contains("\"upstream\":\"[::1]:9\"");
                HttpResponse<String> h = call(
                        server,
                        "POST",
                        "/faultline/http",
                        "{\"name\":\"h6\",\"listen\":\"[::1]:0\",\"upstream\":\"[::1]:9\"}");
                assertThat(h.statusCode()).as(h.body()).isEqualTo(201);
                assertThat(h.body())
                        .matches(".*\"listen\":\"\\[::1\\]:\\d+\".*")
                        .contains("\"upstream\":\"[::1]:9\"");
            }
        }
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedUnread() throws Exception {
        try (ChaosProxyServer server = ChaosProxyServer.start("127.0.0.1", 0, List.of())) {
            HttpResponse<String> r = call(server, "POST", "/populate", "[" + " ".repeat(2 << 20) + "]");
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(call(server, "GET", "/version", null).statusCode()).isEqualTo(200);
        }
    }

    private static boolean ipv6LoopbackWorks() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
