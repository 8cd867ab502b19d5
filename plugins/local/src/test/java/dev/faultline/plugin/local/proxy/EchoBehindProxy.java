package dev.faultline.plugin.local.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * For proxy tests: an echo server behind a chaos proxy called "echo", driven through the proxy's
 * Toxiproxy-style API on 127.0.0.1.
 */
final class EchoBehindProxy implements AutoCloseable {
    final EchoServer echo;
    final ChaosProxyServer server;
    /** Where the "echo" proxy listens. */
    final int port;

    private final HttpClient http = HttpClient.newHttpClient();

    EchoBehindProxy() throws Exception {
        echo = new EchoServer();
        server = ChaosProxyServer.start("127.0.0.1", 0, List.of());
        port = addProxy("echo", echo.port());
    }

    /** Adds a proxy to {@code upstreamPort} listening on a free port; returns that port. */
    int addProxy(String name, int upstreamPort) throws Exception {
        HttpResponse<String> r = call(
                "POST",
                "/proxies",
                "{\"name\":\"" + name + "\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:" + upstreamPort
                        + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Integer.parseInt(r.body().replaceAll(".*\"listen\":\"127.0.0.1:(\\d+)\".*", "$1"));
    }

    HttpResponse<String> call(String method, String path, String body) throws Exception {
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

    @Override
    public void close() throws Exception {
        server.close();
        echo.close();
    }
}
