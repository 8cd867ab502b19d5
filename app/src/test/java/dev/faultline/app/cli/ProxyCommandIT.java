package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline proxy} as a user starts it: a Toxiproxy-compatible server in its own process. */
@ForkSandbox.Indifferent
class ProxyCommandIT {
    @TempDir
    Path home;

    @Test
    void theProxyServesTheToxiproxyApiWithItsConfigAndRefusesATakenPort() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path config = home.resolve("proxies.json");
        Files.writeString(config, "[{\"name\":\"db\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:5432\"}]");
        try (ChildFaultline proxy =
                ChildFaultline.start(home, "proxy", "--port", Integer.toString(port), "--config", config.toString())) {
            assertThat(proxy.awaitOutput(
                            "chaos proxy API listening on http://127.0.0.1:" + port, Duration.ofSeconds(30)))
                    .as("%s", proxy.output())
                    .isTrue();
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/proxies"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"db\"").contains("\"upstream\":\"127.0.0.1:5432\"");

            Cli second = Cli.run(home, "proxy", "--port", Integer.toString(port));
            assertThat(second.exit()).isEqualTo(3);
            assertThat(second.err()).contains("port " + port + " on 127.0.0.1 is already in use");
        }
    }

    @Test
    void aTokenFileMakesEveryRequestNeedTheTokenAndAFileOthersCanReadIsRefused() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path token = home.resolve("token");
        Files.writeString(token, "0123456789abcdef0123456789abcdef\n");
        Files.setPosixFilePermissions(token, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Cli open = Cli.run(home, "proxy", "--port", Integer.toString(port), "--token-file", token.toString());
        assertThat(open.exit()).isEqualTo(3);
        assertThat(open.err()).contains("can be read by other users; chmod 600 it");

        Files.setPosixFilePermissions(token, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        try (ChildFaultline proxy = ChildFaultline.start(
                home, "proxy", "--port", Integer.toString(port), "--token-file", token.toString())) {
            assertThat(proxy.awaitOutput(
                            "chaos proxy API listening on http://127.0.0.1:" + port, Duration.ofSeconds(30)))
                    .as("%s", proxy.output())
                    .isTrue();
            HttpClient http = HttpClient.newHttpClient();
            URI version = URI.create("http://127.0.0.1:" + port + "/version");
            assertThat(http.send(HttpRequest.newBuilder(version).build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(401);
            assertThat(http.send(
                                    HttpRequest.newBuilder(version)
                                            .header("Authorization", "Bearer 0123456789abcdef0123456789abcdef")
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
            assertThat(proxy.output()).doesNotContain("0123456789abcdef").doesNotContain("WARNING");
        }
    }
}
