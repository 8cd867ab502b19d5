package dev.faultline.plugin.local.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.plugin.toxiproxy.protocol.Proxy;
import dev.faultline.plugin.toxiproxy.protocol.Stream;
import dev.faultline.plugin.toxiproxy.protocol.Toxic;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyClient;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyException.ErrorAnswer;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyException.NoAnswer;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared Toxiproxy protocol client against a real Toxiproxy-compatible server on 127.0.0.1:
 * the chaos proxy behind {@code faultline proxy}, with real TCP traffic through the proxy it makes.
 * Every call of the client, its error answers, the bearer token and a server that is not there.
 */
class ToxiproxyProtocolClientIT {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private EchoServer echo;
    private int port;

    @BeforeEach
    void start() throws Exception {
        echo = new EchoServer();
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
    }

    @AfterEach
    void stop() throws Exception {
        echo.close();
        http.close();
    }

    private static SequencedMap<String, Long> latency(long ms) {
        SequencedMap<String, Long> a = new LinkedHashMap<>();
        a.put("latency", ms);
        a.put("jitter", 0L);
        return a;
    }

    @Test
    void everyCallWorksAgainstTheChaosProxyAndItsToxicsActOnRealTraffic() throws Exception {
        for (ToxiproxyClient.ProxyUpdate update : ToxiproxyClient.ProxyUpdate.values()) {
            try (ChaosProxyServer server = ChaosProxyServer.start("127.0.0.1", 0, List.of())) {
                ToxiproxyClient c = new ToxiproxyClient(server.apiUrl() + "/", http, TIMEOUT, null, update);
                assertThat(c.base()).isEqualTo(server.apiUrl());
                assertThat(c.version()).isEqualTo(AdminApi.VERSION);
                assertThat(c.proxies()).isEmpty();

                Proxy created = c.createProxy("shop.db:5432", "127.0.0.1:" + port, "127.0.0.1:" + echo.port(), true);
                assertThat(created)
                        .isEqualTo(new Proxy(
                                "shop.db:5432", "127.0.0.1:" + port, "127.0.0.1:" + echo.port(), true, List.of()));
                assertThat(c.proxies().keySet()).containsExactly("shop.db:5432");
                assertThat(c.proxy("shop.db:5432")).isEqualTo(created);

                Toxic slow = new Toxic("slow", "latency", Stream.DOWNSTREAM, 1.0, latency(300));
                assertThat(c.addToxic("shop.db:5432", slow)).isEqualTo(slow);
                assertThat(EchoServer.fastestRoundTripMillis(port, 2)).isGreaterThanOrEqualTo(250);
                assertThat(c.toxics("shop.db:5432")).containsExactly(slow);
                assertThat(c.toxic("shop.db:5432", "slow")).isEqualTo(slow);
                assertThat(c.proxy("shop.db:5432").toxics()).containsExactly(slow);
                assertThatThrownBy(() -> c.addToxic("shop.db:5432", slow))
                        .isInstanceOfSatisfying(ErrorAnswer.class, e -> {
                            assertThat(e.status()).isEqualTo(409);
                            assertThat(e.error()).isEqualTo("toxic already exists");
                        });
                c.removeToxic("shop.db:5432", "slow");
                assertThat(EchoServer.fastestRoundTripMillis(port, 3)).isLessThan(250);
                assertThatThrownBy(() -> c.removeToxic("shop.db:5432", "slow"))
                        .isInstanceOfSatisfying(
                                ErrorAnswer.class, e -> assertThat(e.status()).isEqualTo(404));

                assertThat(c.setEnabled("shop.db:5432", false).enabled())
                        .as(update.name())
                        .isFalse();
                assertThatThrownBy(() -> EchoServer.roundTripMillis(port)).isInstanceOf(java.io.IOException.class);
                assertThat(c.setEnabled("shop.db:5432", true).enabled()).isTrue();
                assertThat(EchoServer.fastestRoundTripMillis(port, 3)).isLessThan(250);

                c.addToxic("shop.db:5432", new Toxic("cut", "limit_data", Stream.UPSTREAM, 0.5, new LinkedHashMap<>()));
                c.setEnabled("shop.db:5432", false);
                c.reset();
                assertThat(c.proxy("shop.db:5432").enabled()).isTrue();
                assertThat(c.toxics("shop.db:5432")).isEmpty();

                c.deleteProxy("shop.db:5432");
                assertThatThrownBy(() -> c.proxy("shop.db:5432")).isInstanceOfSatisfying(ErrorAnswer.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.error()).isEqualTo("proxy not found");
                    assertThat(e.path()).isEqualTo("/proxies/shop.db%3A5432");
                });
                assertThatThrownBy(() -> c.addToxic("nope", slow))
                        .isInstanceOfSatisfying(
                                ErrorAnswer.class, e -> assertThat(e.error()).isEqualTo("proxy not found"));
                assertThatThrownBy(() -> c.addToxic(
                                "x", new Toxic("t", "frobnicate", Stream.UPSTREAM, 1, new LinkedHashMap<>())))
                        .isInstanceOf(ErrorAnswer.class);
            }
        }
    }

    @Test
    void theBearerTokenIsSentWhenGivenAndA401IsAnErrorAnswer() throws Exception {
        try (ChaosProxyServer server = ChaosProxyServer.start("127.0.0.1", 0, List.of(), ApiToken.of(TOKEN, "test"))) {
            ToxiproxyClient with =
                    new ToxiproxyClient(server.apiUrl(), http, TIMEOUT, TOKEN, ToxiproxyClient.ProxyUpdate.PATCH);
            assertThat(with.version()).isEqualTo(AdminApi.VERSION);
            assertThat(with.toString()).doesNotContain(TOKEN);
            for (String wrong : new String[] {null, TOKEN.replace('0', '1')}) {
                ToxiproxyClient c =
                        new ToxiproxyClient(server.apiUrl(), http, TIMEOUT, wrong, ToxiproxyClient.ProxyUpdate.PATCH);
                assertThatThrownBy(c::proxies).isInstanceOfSatisfying(ErrorAnswer.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.error()).contains("needs its token");
                });
            }
        }
    }

    @Test
    void noServerIsNoAnswerWithTheReason() throws Exception {
        ToxiproxyClient refused =
                new ToxiproxyClient("http://127.0.0.1:" + port, http, TIMEOUT, null, ToxiproxyClient.ProxyUpdate.PATCH);
        assertThatThrownBy(refused::version).isInstanceOfSatisfying(NoAnswer.class, e -> {
            assertThat(e.reason()).isEqualTo(NoAnswer.Reason.REFUSED);
            assertThat(e.causeName()).isEqualTo("ConnectException");
            assertThat(e.method() + " " + e.path()).isEqualTo("GET /version");
        });
        ToxiproxyClient notHttp =
                new ToxiproxyClient("ftp://127.0.0.1:" + port, http, TIMEOUT, null, ToxiproxyClient.ProxyUpdate.PATCH);
        assertThatThrownBy(notHttp::version)
                .isInstanceOfSatisfying(
                        NoAnswer.class, e -> assertThat(e.reason()).isEqualTo(NoAnswer.Reason.FAILED));
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ToxiproxyClient slow = new ToxiproxyClient(
                    "http://127.0.0.1:" + silent.getLocalPort(),
                    http,
                    Duration.ofMillis(300),
                    null,
                    ToxiproxyClient.ProxyUpdate.PATCH);
            assertThatThrownBy(slow::version)
                    .isInstanceOfSatisfying(
                            NoAnswer.class, e -> assertThat(e.reason()).isEqualTo(NoAnswer.Reason.TIMED_OUT));
        }
    }
}
