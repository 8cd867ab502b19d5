package dev.faultline.plugin.chaostoolkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.MethodStep.FaultStep;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.Exported;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        Exported out = exporter.write(rolledOut(
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
        Exported out = exporter.write(rolledOut(
                Path.of("../../runbooks/sandbox/payment-latency-holds.yaml"),
                Rollout.ofTargets(List.of(1, 2), Duration.ofSeconds(10), List.of())));
        assertThat(out.notes().stream().map(ConversionNote::toString))
                .contains("fault step slow-payments: left out: its rollout hits counts of targets (1 target → 2"
                        + " targets, 10s each), and Chaos Toolkit's actions on a proxy target take a share, not a"
                        + " count");
        assertThat(out.files().getFirst().text()).doesNotContain("\"toxic_name\" : \"slow-payments\"");
    }

    /** The runbook's first fault step rolled out over {@code r} instead, its target without a count. */
    private static Experiment rolledOut(Path runbook, Rollout r) throws Exception {
        Experiment base = new RunbookLoader().load(runbook).experiment();
        FaultStep f = base.faultSteps().getFirst();
        Map<String, String> selector = new TreeMap<>(f.target().selector().values());
        selector.remove("count");
        FaultStep widened = FaultStep.rolledOut(
                f.name(),
                f.lane(),
                f.at(),
                f.backend(),
                f.fault(),
                new Target(f.target().kind(), new Params(selector)),
                r);
        return new Experiment(
                base.name(),
                base.title(),
                base.description(),
                base.labels(),
                base.environment(),
                base.hypothesis(),
                base.method().stream()
                        .map(s -> s.name().equals(f.name()) ? (MethodStep) widened : s)
                        .toList(),
                BlastRadius.UNLIMITED,
                base.stopConditions(),
                base.rollbacks(),
                base.timing());
    }
}
