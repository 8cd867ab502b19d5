package dev.faultline.plugin.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.spi.Availability;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.plugin.local.proxy.ChaosProxyServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local backend's availability check asks the chaos proxy API for real, on 127.0.0.1. */
class LocalBackendProviderTest {
    private final LocalBackendProvider provider = new LocalBackendProvider();

    private Availability check(String proxyApi) {
        return provider.check(new BackendSettings("local", Params.of("proxyApi", proxyApi)));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aProxyApiWhereNothingListensIsSaidToBeUnreachableNotOk() throws Exception {
        String api = "http://127.0.0.1:" + freePort();

        Availability a = check(api);

        assertThat(a.detail())
                .contains("network and HTTP faults NOT ready: nothing listens at " + api + " (connection refused)")
                .contains("faultline proxy")
                .doesNotContain("answers");
        assertThat(a.isAvailable()).as("process faults need no proxy").isTrue();
    }

    @Test
    void aServerThatIsNotAChaosProxyIsNamedByItsAnswer() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", x -> {
            x.sendResponseHeaders(404, -1);
            x.close();
        });
        other.start();
        try {
            String api = "http://127.0.0.1:" + other.getAddress().getPort();
            assertThat(check(api).detail()).contains(api + "/version answered HTTP 404, so it is not a chaos proxy");
        } finally {
            other.stop(0);
        }
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersIsReportedWithinTheLimit() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            String api = "http://127.0.0.1:" + silent.getLocalPort();
            assertThat(check(api).detail()).contains(api + " did not answer within 2 s");
        }
    }

    @Test
    void aRunningChaosProxyAnswersWithItsVersion() throws Exception {
        try (ChaosProxyServer proxy = ChaosProxyServer.start("127.0.0.1", 0, List.of())) {
            assertThat(check(proxy.apiUrl()).detail())
                    .contains("chaos proxy API at " + proxy.apiUrl() + " answers (version ")
                    .doesNotContain("NOT ready");
        }
    }

    @Test
    void aProxyApiTokenInClearIsRefusedWithoutRepeatingIt() {
        BackendSettings clear = new BackendSettings(
                "local",
                Params.of("proxyApi", "http://127.0.0.1:1", "proxyApiToken", "0123456789abcdef0123456789abcdef"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> provider.create(clear))
                .hasMessage("backend 'local': proxyApiToken: the token is given as a reference, never in clear:"
                        + " env:VARIABLE or file:/path/to/file");
        Availability a = provider.check(clear);
        assertThat(a.isAvailable()).isFalse();
        assertThat(a.detail())
                .contains("proxyApiToken: the token is given as a reference")
                .doesNotContain("0123456789");
    }

    @Test
    void aTokenFileThatCannotBeReadLeavesOnlyNetworkFaultsNotReady(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        try (ChaosProxyServer proxy = ChaosProxyServer.start("127.0.0.1", 0, List.of())) {
            java.nio.file.Path missing = dir.resolve("no-such-token");
            Availability a = provider.check(new BackendSettings(
                    "local", Params.of("proxyApi", proxy.apiUrl(), "proxyApiToken", "file:" + missing)));
            assertThat(a.isAvailable()).as("process faults need no token").isTrue();
            assertThat(a.detail())
                    .contains("network and HTTP faults NOT ready: proxyApiToken: the credential file " + missing
                            + " cannot be read (NoSuchFileException)");
        }
    }
}
