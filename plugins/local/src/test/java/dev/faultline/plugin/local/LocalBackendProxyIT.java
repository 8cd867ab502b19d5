package dev.faultline.plugin.local;

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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The local backend's latency fault against a real chaos proxy in front of a real echo server. */
class LocalBackendProxyIT extends FaultBackendContract {
    private EchoServer echo;
    private ChaosProxyServer proxy;
    private int listenPort;

    @BeforeEach
    void start() throws Exception {
        echo = new EchoServer();
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
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
        return new BackendSettings("local", Params.of("proxyApi", proxy.apiUrl()));
    }

    @Override
    protected FaultBackendProvider provider() {
        return new LocalBackendProvider();
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

    @org.junit.jupiter.api.Test
    void aDataLimitCutsConnectionsUntilReverted() throws Exception {
        FaultRequest limit = FaultRequest.atShare(
                "run1",
                "limit",
                new ProxyFault.LimitData(3),
                new Target("proxy", Params.of("name", "payments")),
                1.0,
                Duration.ofSeconds(30));
        try (var backend = provider().create(settings())) {
            FaultHandle h = backend.prepare(limit);
            backend.inject(limit, h);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> EchoServer.roundTripMillis(listenPort))
                    .hasMessageContaining("closed after 3 bytes");
            backend.revert(h);
            org.assertj.core.api.Assertions.assertThat(EchoServer.fastestRoundTripMillis(listenPort, 3))
                    .isLessThan(250);
        }
    }
}
