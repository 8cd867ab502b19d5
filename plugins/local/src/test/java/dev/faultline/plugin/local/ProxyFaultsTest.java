package dev.faultline.plugin.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.ProcessFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyJson;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProxyFaultsTest {

    /** The toxic as the body of {@code POST /proxies/{proxy}/toxics}. */
    private static String toxic(Fault f) {
        return ToxiproxyJson.write(
                ToxiproxyJson.toJson(ProxyFaults.toxic(f, 0.5, "t").orElseThrow()));
    }

    @Test
    void eachNetworkFaultBecomesTheToxiproxyToxicWithItsAttributesInTheirUnits() {
        assertThat(toxic(new ProxyFault.Latency(Duration.ofMillis(300), Duration.ofMillis(50))))
                .contains("\"type\":\"latency\"")
                .contains("\"latency\":300,\"jitter\":50")
                .contains("\"toxicity\":0.5");
        assertThat(toxic(new ProxyFault.Bandwidth(64)))
                .contains("\"type\":\"bandwidth\"")
                .contains("\"rate\":64");
        assertThat(toxic(new ProxyFault.SlowClose(Duration.ofSeconds(2))))
                .contains("\"type\":\"slow_close\"")
                .contains("\"delay\":2000");
        assertThat(toxic(new ProxyFault.ConnectionTimeout(Duration.ZERO)))
                .contains("\"type\":\"timeout\"")
                .contains("\"timeout\":0");
        assertThat(toxic(new ProxyFault.ResetPeer(Duration.ofMillis(100))))
                .contains("\"type\":\"reset_peer\"")
                .contains("\"timeout\":100");
        assertThat(toxic(new ProxyFault.Slicer(100, 10, Duration.ofMillis(5))))
                .contains("\"type\":\"slicer\"")
                .contains("\"average_size\":100,\"size_variation\":10,\"delay\":5000");
        assertThat(toxic(new ProxyFault.LimitData(1024)))
                .contains("\"type\":\"limit_data\"")
                .contains("\"bytes\":1024");
    }

    @Test
    void downAndProcessFaultsAreNotToxics() {
        assertThat(ProxyFaults.toxic(new ProxyFault.Down(), 1, "t")).isEmpty();
        assertThat(ProxyFaults.isProxyFault(new ProxyFault.Down())).isTrue();
        assertThat(ProxyFaults.isProxyFault(new ProcessFault.ProcessPause())).isFalse();
        assertThat(ProxyFaults.toxicName("20261125-1 run", "slow/step"))
                .isEqualTo("faultline_20261125_1_run_slow_step");
    }
}
