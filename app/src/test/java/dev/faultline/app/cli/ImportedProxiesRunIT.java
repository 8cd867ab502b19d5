package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.plugin.local.proxy.ChaosProxyServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Toxiproxy configuration imported with {@code faultline import} and run against a fresh
 * Toxiproxy-compatible server (the one behind {@code faultline proxy}, real TCP) that has none of its
 * proxies: the run creates the proxy before the baseline, its probe measures through it, the fault
 * lands on it, and the server is left as it was found.
 */
@ForkSandbox.Indifferent
class ImportedProxiesRunIT {
    @TempDir
    Path dir;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String proxies(String api) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                            HttpRequest.newBuilder(URI.create(api + "/proxies"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        }
    }

    @Test
    void anImportedToxiproxyConfigRunsAgainstAServerThatHasNoneOfItsProxies() throws Exception {
        HttpServer shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/health", x -> {
            x.sendResponseHeaders(200, 2);
            x.getResponseBody().write("ok".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            x.close();
        });
        shop.start();
        int listen = freePort();
        try (ChaosProxyServer toxiproxy = ChaosProxyServer.start("127.0.0.1", 0, List.of())) {
            Path config = Files.writeString(dir.resolve("shop-proxies.json"), """
                    [
                      {"name": "shop", "listen": "127.0.0.1:%d", "upstream": "127.0.0.1:%d", "enabled": true}
                    ]
                    """.formatted(
                            listen, shop.getAddress().getPort()));
            Path home = dir.resolve("home");
            Files.createDirectories(home);

            Cli imported = Cli.run(home, "import", config.toString(), "-o", dir.toString());

            assertThat(imported.exit()).as(imported.err()).isEqualTo(0);
            Path settings = dir.resolve("shop-proxies-environments.yaml");
            assertThat(imported.out()).contains("environment settings of " + config + " -> " + settings);
            // as the note asks: point the url at the server, then merge the settings into environments.yaml
            Files.writeString(
                    home.resolve("environments.yaml"),
                    Files.readString(settings).replace("http://127.0.0.1:8474", toxiproxy.apiUrl()));
            Path runbook = Files.writeString(dir.resolve("slow-shop.yaml"), """
                    apiVersion: faultline.dev/v1
                    kind: Experiment
                    metadata:
                      name: slow-shop
                      title: The shop answers through a slow proxy
                    spec:
                      environment: shop-proxies
                      timing: {warmup: 0s, probeInterval: 500ms, baselineSamples: 2, recoveryWindow: 0s, verificationSamples: 2}
                      hypothesis:
                        title: The shop answers
                        probes:
                          - name: shop-health
                            expect: "200"
                            http: {url: 'http://127.0.0.1:%d/health', measure: status, timeout: 2s}
                      method:
                        - name: slow-shop
                          backend: toxiproxy
                          duration: 2s
                          target: {proxy: shop}
                          fault: {type: latency, latency: 100ms}
                      blastRadius:
                        targets: [proxy/shop]
                        maxShare: 100%%
                        maxDuration: 1m
                        maxTargets: 1
                    """.formatted(listen));
            assertThat(proxies(toxiproxy.apiUrl()).strip()).isEqualTo("{}");

            Cli run = Cli.run(home, "run", runbook.toString());

            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(0);
            assertThat(run.out()).contains("created for this run from the environment");
            assertThat(proxies(toxiproxy.apiUrl()).strip()).isEqualTo("{}");
        } finally {
            shop.stop(0);
        }
    }
}
