package dev.faultline.plugin.chaosmesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.JvmFault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProcessFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.model.Target;
import dev.faultline.plugin.kube.Names;
import dev.faultline.plugin.kube.PodTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ChaosManifestsTest {
    private static final PodTarget PODS = PodTarget.of(
            new Target(
                    "pods",
                    Params.of(
                            "namespace",
                            "shop",
                            "labels",
                            "app=payment,app.kubernetes.io/part-of=shop",
                            "port",
                            "8080")),
            "default");

    @Test
    void shareAndCountChooseTheModeAndItsPodCount() {
        assertThat(ChaosMode.of(OptionalInt.empty(), 1)).isEqualTo(new ChaosMode("all", ""));
        assertThat(ChaosMode.of(OptionalInt.empty(), 0.5)).isEqualTo(new ChaosMode("fixed-percent", "50"));
        assertThat(ChaosMode.of(OptionalInt.of(1), 0.5)).isEqualTo(new ChaosMode("one", ""));
        assertThat(ChaosMode.of(OptionalInt.of(3), 1)).isEqualTo(new ChaosMode("fixed", "3"));
        assertThat(new ChaosMode("fixed-percent", "30").affected(5)).isEqualTo(1); // Chaos Mesh rounds down
        assertThat(new ChaosMode("fixed", "9").affected(4)).isEqualTo(4);
    }

    @Test
    void aLatencyIsANetworkChaosDelayWithTheSelectorAndADeadMansDuration() {
        var m = ChaosManifests.of(
                new ProxyFault.Latency(Duration.ofMillis(300), Duration.ofMillis(50), 0.25),
                PODS,
                new ChaosMode("fixed-percent", "50"),
                Duration.ofMinutes(2));
        assertThat(m.kind()).isEqualTo(ChaosKind.NETWORK);
        assertThat(m.spec())
                .containsEntry("action", "delay")
                .containsEntry("mode", "fixed-percent")
                .containsEntry("value", "50")
                .containsEntry("duration", "150s")
                .containsEntry("delay", Map.of("latency", "300ms", "jitter", "50ms", "correlation", "25"))
                .containsEntry(
                        "selector",
                        Map.of(
                                "namespaces",
                                List.of("shop"),
                                "labelSelectors",
                                Map.of("app", "payment", "app.kubernetes.io/part-of", "shop")));
    }

    @Test
    void httpFaultsPickRequestOrResponse() {
        var abort = ChaosManifests.of(
                new HttpFault("GET", "/pay/**", Map.of(), 503, Duration.ZERO, false, "no", false, Map.of()),
                PODS,
                new ChaosMode("all", ""),
                Duration.ofMinutes(1));
        assertThat(abort.spec())
                .containsEntry("target", "Response")
                .containsEntry("port", 8080)
                .containsEntry("path", "/pay/*")
                .containsEntry("replace", Map.of("code", 503, "body", "bm8="));
        assertThatThrownBy(() -> ChaosManifests.of(
                        new HttpFault("", "/", Map.of(), 503, Duration.ZERO, true, "", false, Map.of()),
                        PODS,
                        new ChaosMode("all", ""),
                        Duration.ofMinutes(1)))
                .hasMessageContaining("a reset cannot go with");
        assertThatThrownBy(() -> ChaosManifests.of(
                        new ProcessFault.ProcessPause(), PODS, new ChaosMode("all", ""), Duration.ofMinutes(1)))
                .hasMessageContaining("cannot make a 'process-pause' fault");
        assertThatThrownBy(() -> ChaosManifests.of(
                        new StressFault.MemoryStress(256_000_000, 16_000_000),
                        PODS,
                        new ChaosMode("all", ""),
                        Duration.ofMinutes(1)))
                .hasMessageContaining("leave out 'growth'");
    }

    @Test
    void namesAreDnsLabelsOfAtMost63Characters() {
        assertThat(Names.faultName("run-1", "slow")).isEqualTo("fl-run-1-slow");
        String longName = Names.faultName("2026-12-02T06:00:00Z-" + "x".repeat(80), "Step With Spaces");
        assertThat(longName).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        assertThat(longName).isNotEqualTo(Names.faultName("2026-12-02T06:00:00Z-" + "x".repeat(80), "other"));
    }

    @Test
    void jvmFaultsAreJvmChaosActionsOnTheMethod() {
        JvmFault.JvmMethod m = new JvmFault.JvmMethod("com.shop.db.Pool", "acquire");
        var ex = ChaosManifests.of(
                new JvmFault.JvmException(m, "java.sql.SQLException", "pool \"main\" exhausted"),
                PODS,
                new ChaosMode("all", ""),
                Duration.ofMinutes(1));
        assertThat(ex.kind()).isEqualTo(ChaosKind.JVM);
        assertThat(ex.spec())
                .containsEntry("action", "exception")
                .containsEntry("class", "com.shop.db.Pool")
                .containsEntry("method", "acquire")
                .containsEntry("exception", "java.sql.SQLException(\"pool \\\"main\\\" exhausted\")");
        assertThat(ChaosManifests.of(
                                new JvmFault.JvmReturn(m, "busy"),
                                PODS,
                                new ChaosMode("all", ""),
                                Duration.ofMinutes(1))
                        .spec())
                .containsEntry("returnValue", "\"busy\"");
        assertThat(ChaosManifests.of(
                                new JvmFault.JvmLatency(m, Duration.ofMillis(250)),
                                PODS,
                                new ChaosMode("all", ""),
                                Duration.ofMinutes(1))
                        .spec())
                .containsEntry("action", "latency")
                .containsEntry("latency", 250L);
    }
}
