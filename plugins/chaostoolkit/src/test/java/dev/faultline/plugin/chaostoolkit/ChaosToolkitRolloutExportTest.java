package dev.faultline.plugin.chaostoolkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.Exported;
import dev.faultline.engine.testkit.RolledOutRunbook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rolled-out fault step in Chaos Toolkit, which has no stages: its widest stage, a count of targets
 * as the count of pods {@code terminate_pods} kills, and what cannot take a count left out, each
 * said in a note.
 */
class ChaosToolkitRolloutExportTest {
    private final ChaosToolkitExporter exporter = new ChaosToolkitExporter();

    @Test
    void aPodKillOverCountsOfTargetsKillsTheWidestCountAndSaysWhichStagesAreLeftOut() throws Exception {
        Exported out = exporter.write(RolledOutRunbook.of(
                Path.of("../../runbooks/chaos-mesh/payment-pod-kill.yaml"),
                Rollout.ofTargets(List.of(1, 2, 3), Duration.ofSeconds(20), List.of())));
        JsonNode tree =
                JsonMapper.builder().build().readTree(out.files().getFirst().text());
        assertThat(ChaosToolkitValidator.check(tree)).isEmpty();
        JsonNode kill = tree.path("method")
                .valueStream()
                .filter(a -> a.path("name").asString().equals("kill-one-payment-pod"))
                .findFirst()
                .orElseThrow();
        assertThat(kill.path("provider").path("func").asString()).isEqualTo("terminate_pods");
        assertThat(kill.path("provider").path("arguments").path("qty").asInt()).isEqualTo(3);
        assertThat(kill.path("provider").path("arguments").has("all")).isFalse();
        assertThat(out.notes().stream().map(ConversionNote::toString))
                .contains("fault step kill-one-payment-pod: exported at its widest stage, 3 targets: Chaos Toolkit"
                        + " has no progressive rollout; left out: the stages before it (1 target → 2 targets) and"
                        + " the check at each stage's end");
    }

    @Test
    void aProxyFaultOverCountsOfTargetsIsLeftOutRatherThanHittingAllTheTraffic() throws Exception {
        Exported out = exporter.write(RolledOutRunbook.of(
                Path.of("../../runbooks/sandbox/payment-latency-holds.yaml"),
                Rollout.ofTargets(List.of(1, 2), Duration.ofSeconds(10), List.of())));
        assertThat(out.notes().stream().map(ConversionNote::toString))
                .contains("fault step slow-payments: left out: its rollout hits counts of targets (1 target → 2"
                        + " targets, 10s each), and Chaos Toolkit's actions on a proxy target take a share, not a"
                        + " count");
        assertThat(out.files().getFirst().text()).doesNotContain("\"toxic_name\" : \"slow-payments\"");
    }
}
