package dev.faultline.plugin.local.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official Toxiproxy Java client drives Faultline's chaos proxy unchanged, with real TCP
 * traffic through it to an echo server on 127.0.0.1.
 */
class ToxiproxyClientIT {
    private EchoServer echo;
    private ChaosProxyServer server;
    private ToxiproxyClient client;
    private Proxy proxy;
    private int port;

    @BeforeEach
    void start() throws Exception {
        echo = new EchoServer();
        server = ChaosProxyServer.start("127.0.0.1", 0, List.of());
        client = new ToxiproxyClient("127.0.0.1", server.apiPort());
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        proxy = client.createProxy("echo", "127.0.0.1:" + port, "127.0.0.1:" + echo.port());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        echo.close();
    }

    @Test
    void theClientCreatesListsAndReadsProxies() throws Exception {
        assertThat(client.version()).isNotBlank();
        assertThat(client.getProxies()).extracting(Proxy::getName).containsExactly("echo");
        assertThat(client.getProxy("echo").getUpstream()).isEqualTo("127.0.0.1:" + echo.port());
        assertThatThrownBy(() -> client.createProxy("echo", "127.0.0.1:0", "127.0.0.1:1"))
                .isInstanceOf(IOException.class);
        assertThat(client.getProxyOrNull("nope")).isNull();
    }

    @Test
    void latencyAddedByTheClientDelaysTrafficAndRemovingItRestoresIt() throws Exception {
        proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 200).setJitter(10);
        assertThat(EchoServer.roundTripMillis(port)).isBetween(180L, 800L);
        assertThat(proxy.toxics().getAll()).hasSize(1);
        proxy.toxics().get("slow").remove();
        assertThat(EchoServer.fastestRoundTripMillis(port, 3)).isLessThan(150);
    }

    @Test
    void disableAndEnableTakeTheLinkDownAndBackUp() throws Exception {
        proxy.disable();
        assertThat(client.getProxy("echo").isEnabled()).isFalse();
        assertThatThrownBy(() -> EchoServer.roundTripMillis(port)).isInstanceOf(IOException.class);
        proxy.enable();
        assertThat(EchoServer.roundTripMillis(port)).isLessThan(1000);
    }

    @Test
    void limitDataClosesTheConnectionAfterSoManyBytes() throws Exception {
        proxy.toxics().limitData("limit", ToxicDirection.DOWNSTREAM, 3);
        assertThatThrownBy(() -> EchoServer.roundTripMillis(port))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("closed after 3 bytes");
    }

    @Test
    void slicerSendsTheAnswerInDelayedSlices() throws Exception {
        proxy.toxics().slicer("slices", ToxicDirection.DOWNSTREAM, 1, 0).setDelay(30_000);
        assertThat(EchoServer.roundTripMillis(port)).isGreaterThanOrEqualTo(110); // 5 slices, 30 ms apart
    }

    @Test
    void resetClearsEveryToxic() throws Exception {
        proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 500);
        proxy.toxics().timeout("stuck", ToxicDirection.UPSTREAM, 0);
        client.reset();
        assertThat(proxy.toxics().getAll()).isEmpty();
        assertThat(EchoServer.fastestRoundTripMillis(port, 3)).isLessThan(150);
    }
}
