package dev.faultline.plugin.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.DependencyFault;
import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyJson;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyFaultsTest {
    private static FaultRequest on(String kind, DependencyFault.Mode mode, Duration latency, double share) {
        return FaultRequest.atShare(
                "r",
                "s",
                new DependencyFault(mode, latency),
                new Target(kind, Params.of("name", "payments")),
                share,
                Duration.ofSeconds(10));
    }

    @Test
    void onATcpProxyTheModesAreDownLatencyAndResets() throws Exception {
        assertThat(DependencyFaults.translate(on("proxy", DependencyFault.Mode.UNAVAILABLE, Duration.ZERO, 1))
                        .fault())
                .isEqualTo(new ProxyFault.Down());
        FaultRequest slow =
                DependencyFaults.translate(on("proxy", DependencyFault.Mode.SLOW, Duration.ofMillis(300), 0.5));
        assertThat(slow.fault()).isEqualTo(new ProxyFault.Latency(Duration.ofMillis(300), Duration.ZERO));
        assertThat(slow.share()).isEqualTo(0.5);
        FaultRequest some =
                DependencyFaults.translate(on("proxy", DependencyFault.Mode.INTERMITTENT, Duration.ZERO, 0.3));
        assertThat(some.fault()).isEqualTo(new ProxyFault.ResetPeer(Duration.ZERO));
        assertThat(ToxiproxyJson.write(ToxiproxyJson.toJson(
                        ProxyFaults.toxic(some.fault(), some.share(), "t").orElseThrow())))
                .contains("\"type\":\"reset_peer\"")
                .contains("\"toxicity\":0.3");
        assertThatThrownBy(
                        () -> DependencyFaults.translate(on("proxy", DependencyFault.Mode.CORRUPT, Duration.ZERO, 1)))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("corrupt needs target: {httpProxy: NAME}");
        assertThatThrownBy(() ->
                        DependencyFaults.translate(on("proxy", DependencyFault.Mode.UNAVAILABLE, Duration.ZERO, 0.5)))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("use mode intermittent");
    }

    @Test
    void onAnHttpProxyTheyAre503sDelaysAndCorruptedBodies() throws Exception {
        assertThat(DependencyFaults.translate(on("httpProxy", DependencyFault.Mode.UNAVAILABLE, Duration.ZERO, 1))
                        .fault())
                .isEqualTo(new HttpFault("", "/**", Map.of(), 503, Duration.ZERO, false, "", false, Map.of()));
        FaultRequest some =
                DependencyFaults.translate(on("httpProxy", DependencyFault.Mode.INTERMITTENT, Duration.ZERO, 0.3));
        assertThat(((HttpFault) some.fault()).abortStatus()).isEqualTo(503);
        assertThat(some.share()).isEqualTo(0.3);
        assertThat(((HttpFault) DependencyFaults.translate(
                                        on("httpProxy", DependencyFault.Mode.SLOW, Duration.ofSeconds(1), 1))
                                .fault())
                        .delay())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(((HttpFault) DependencyFaults.translate(
                                        on("httpProxy", DependencyFault.Mode.CORRUPT, Duration.ZERO, 1))
                                .fault())
                        .corruptBody())
                .isTrue();
    }

    @Test
    void anIntermittentFaultNeedsAShareAndAProxyTarget() {
        assertThatThrownBy(() ->
                        DependencyFaults.checkShare(on("proxy", DependencyFault.Mode.INTERMITTENT, Duration.ZERO, 1)))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("share below 100%");
        assertThatThrownBy(() ->
                        DependencyFaults.translate(on("process", DependencyFault.Mode.SLOW, Duration.ofSeconds(1), 1)))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("goes through a proxy");
    }
}
