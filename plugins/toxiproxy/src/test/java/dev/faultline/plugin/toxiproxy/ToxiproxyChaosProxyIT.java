package dev.faultline.plugin.toxiproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackendContract;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.plugin.local.proxy.ChaosProxyServer;
import dev.faultline.plugin.local.proxy.EchoServer;
import dev.faultline.plugin.local.proxy.ProxyConfig;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backend against the server behind {@code faultline proxy} (a real Toxiproxy-compatible TCP
 * proxy) in front of a real echo server: the effect is measured on real connections.
 */
class ToxiproxyChaosProxyIT extends FaultBackendContract {
    private EchoServer echo;
    private ChaosProxyServer proxy;
    private int listenPort;

    @BeforeEach
    void start() throws Exception {
        echo = new EchoServer();
        try (ServerSocket free = new ServerSocket(0)) {
            listenPort = free.getLocalPort();
        }
        proxy = ChaosProxyServer.start(
                "127.0.0.1",
                0,
                List.of(new ProxyConfig("payments", "127.0.0.1:" + listenPort, "127.0.0.1:" + echo.port(), true)));
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        echo.close();
    }

    @Override
    protected BackendSettings settings() {
        return new BackendSettings("toxiproxy", Params.of("url", proxy.apiUrl()));
    }

    @Override
    protected FaultBackendProvider provider() {
        return new ToxiproxyBackendProvider();
    }

    @Override
    protected boolean resetRemovesTheFault() {
        return true;
    }

    @Override
    protected FaultRequest request() {
        return FaultRequest.atShare(
                "run1",
                "slow",
                new ProxyFault.Latency(Duration.ofMillis(300), Duration.ZERO),
                new Target("proxy", Params.of("name", "payments")),
                1.0,
                Duration.ofSeconds(30));
    }

    @Override
    protected boolean effectPresent(FaultHandle handle) throws Exception {
        return EchoServer.fastestRoundTripMillis(listenPort, 3) >= 250;
    }

    private FaultRequest on(Fault f) {
        return FaultRequest.atShare(
                "run1", f.type(), f, new Target("proxy", Params.of("name", "payments")), 1.0, Duration.ofSeconds(30));
    }

    @Test
    void downRefusesConnectionsAndADataLimitCutsThemUntilReverted() throws Exception {
        try (var b = new ToxiproxyBackendProvider().create(settings())) {
            assertThat(b.findTarget(new Target("proxy", Params.of("name", "payments"))))
                    .contains("127.0.0.1:" + listenPort + " -> 127.0.0.1:" + echo.port());
            FaultHandle down = b.prepare(on(new ProxyFault.Down()));
            b.inject(on(new ProxyFault.Down()), down);
            assertThatThrownBy(() -> EchoServer.roundTripMillis(listenPort)).isInstanceOf(java.io.IOException.class);
            b.revert(down);
            assertThat(b.verifyGone(down).gone()).isTrue();
            assertThat(EchoServer.fastestRoundTripMillis(listenPort, 3)).isLessThan(250);

            FaultHandle limit = b.prepare(on(new ProxyFault.LimitData(3)));
            b.inject(on(new ProxyFault.LimitData(3)), limit);
            assertThatThrownBy(() -> EchoServer.roundTripMillis(listenPort))
                    .hasMessageContaining("closed after 3 bytes");
            assertThat(b.resetAll()).startsWith("1 Faultline toxic(s) removed");
            assertThat(EchoServer.fastestRoundTripMillis(listenPort, 3)).isLessThan(250);
        }
    }

    @Test
    void aProxyTheEnvironmentDeclaresIsCreatedOnAFreshServerCarriesTheFaultAndIsGoneAfterTheRun() throws Exception {
        int declaredPort;
        try (ServerSocket free = new ServerSocket(0)) {
            declaredPort = free.getLocalPort();
        }
        try (ChaosProxyServer fresh = ChaosProxyServer.start("127.0.0.1", 0, List.of())) {
            BackendSettings env = new BackendSettings(
                    "toxiproxy",
                    Params.of(
                            "url",
                            fresh.apiUrl(),
                            "proxies",
                            "orders",
                            "proxies.orders.listen",
                            "127.0.0.1:" + declaredPort,
                            "proxies.orders.upstream",
                            "127.0.0.1:" + echo.port(),
                            "proxies.orders.enabled",
                            "true"));
            FaultRequest slow = FaultRequest.atShare(
                    "run2",
                    "slow orders",
                    new ProxyFault.Latency(Duration.ofMillis(300), Duration.ZERO),
                    new Target("proxy", Params.of("name", "orders")),
                    1.0,
                    Duration.ofSeconds(30));
            assertThatThrownBy(() -> EchoServer.roundTripMillis(declaredPort)).isInstanceOf(java.io.IOException.class);
            try (var b = new ToxiproxyBackendProvider().create(env)) {
                assertThat(b.findTarget(slow.target())).contains("created for this run");
                assertThat(EchoServer.fastestRoundTripMillis(declaredPort, 3)).isLessThan(250);
                FaultHandle h = b.prepare(slow);
                b.inject(slow, h);
                assertThat(EchoServer.fastestRoundTripMillis(declaredPort, 3)).isGreaterThanOrEqualTo(250);
                b.revert(h);
                assertThat(EchoServer.fastestRoundTripMillis(declaredPort, 3)).isLessThan(250);
            }
            assertThatThrownBy(() -> EchoServer.roundTripMillis(declaredPort)).isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void aRolloutStageWidensTheToxicityInPlace() throws Exception {
        FaultRequest few = FaultRequest.atShare(
                "run1",
                "slow",
                new ProxyFault.Latency(Duration.ofMillis(300), Duration.ZERO),
                new Target("proxy", Params.of("name", "payments")),
                0.01,
                Duration.ofSeconds(30));
        try (var backend = provider().create(settings())) {
            FaultHandle h = backend.prepare(few);
            backend.inject(few, h);
            assertThat(effectPresent(h)).isFalse();
            assertThat(((dev.faultline.engine.spi.FaultShareChange) backend).changesShareInPlace(h))
                    .isTrue();
            ((dev.faultline.engine.spi.FaultShareChange) backend).changeShare(few.withShare(1.0), h);
            assertThat(effectPresent(h)).isTrue();
            var client = new dev.faultline.plugin.toxiproxy.protocol.ToxiproxyClient(
                    proxy.apiUrl(),
                    java.net.http.HttpClient.newHttpClient(),
                    Duration.ofSeconds(2),
                    null,
                    dev.faultline.plugin.toxiproxy.protocol.ToxiproxyClient.ProxyUpdate.POST);
            assertThat(client.toxics("payments"))
                    .singleElement()
                    .satisfies(t -> assertThat(t.toxicity()).isEqualTo(1.0));
            backend.revert(h);
            assertThat(effectPresent(h)).isFalse();
        }
    }
}
