package dev.faultline.plugin.litmus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep.FaultStep;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ExportException;
import dev.faultline.engine.spi.interop.Exported;
import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.Imported;
import dev.faultline.engine.spi.interop.RunbookExporter;
import dev.faultline.engine.testkit.RolledOutRunbook;
import dev.faultline.plugin.kube.CrdSchemas;
import dev.faultline.plugin.kube.interop.RoundTrips;
import dev.faultline.plugin.litmus.interop.LitmusImporter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class LitmusExporterTest {
    private static final CrdSchemas SCHEMAS = new CrdSchemas(List.of("/crds/chaosengine_crd.yaml"));
    private final LitmusExporter exporter = new LitmusExporter();

    static List<String> problems(String yaml) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : new YAMLMapper()
                .readValues(new YAMLMapper().createParser(yaml), JsonNode.class)
                .readAll()) {
            out.addAll(SCHEMAS.problems("litmuschaos.io", "chaosengines", m));
        }
        return out;
    }

    static List<Path> runbooks(String folder) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Path.of("../../runbooks", folder))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(RunbookExporter.class).stream()
                        .map(p -> p.get().format()))
                .contains("litmus");
    }

    @Test
    void theShippedClusterRunbooksExportToValidEnginesAndComeBackWithTheirFaultsTargetsSharesAndTimings()
            throws Exception {
        List<Path> runbooks = new ArrayList<>(runbooks("litmus"));
        runbooks.addAll(runbooks("chaos-mesh"));
        int exported = 0;
        for (Path f : runbooks) {
            Experiment e = new RunbookLoader().load(f).experiment();
            Exported out;
            try {
                out = exporter.write(e);
            } catch (ExportException x) {
                assertThat(f.toString()).as(x.getMessage()).containsAnyOf("exception", "pod-kill");
                assertThat(x.getMessage()).containsAnyOf("jvm-exception", "count");
                continue;
            }
            exported++;
            String yaml = out.files().getFirst().text();
            assertThat(problems(yaml)).as(f + "\n" + yaml).isEmpty();
            Imported back = new LitmusImporter()
                    .read(new ForeignFile(Path.of(out.files().getFirst().name()), yaml));
            List<String> leftOut = out.notes().stream()
                    .map(ConversionNote::source)
                    .filter(s -> s.startsWith("fault step "))
                    .toList();
            for (FaultStep s : e.faultSteps()) {
                if (leftOut.contains("fault step " + s.name())) {
                    continue;
                }
                Experiment again = back.experiments().stream()
                        .filter(x -> x.name().equals(s.name()))
                        .findFirst()
                        .orElseThrow();
                dev.faultline.engine.model.Fault fault = s.fault();
                if (out.notes().stream().anyMatch(n -> n.source().equals("fault step " + s.name() + " correlation"))) {
                    fault = switch (fault) {
                        case dev.faultline.engine.model.NetworkFault.PacketLoss p ->
                            new dev.faultline.engine.model.NetworkFault.PacketLoss(p.probability(), 0);
                        case dev.faultline.engine.model.ProxyFault.Latency l ->
                            new dev.faultline.engine.model.ProxyFault.Latency(l.latency(), l.jitter());
                        default -> fault;
                    };
                }
                FaultStep expected =
                        new FaultStep(s.name(), 0, null, s.duration(), "litmus", fault, s.target(), s.share());
                RoundTrips.assertKept(e, expected, again, e.faultSteps().size() == 1);
                List<String> kept = e.hypothesis().probes().stream()
                        .filter(p -> p.type().equals("http") && p.checkedDuring())
                        .map(Probe::name)
                        .toList();
                assertThat(again.hypothesis().probes()).extracting(Probe::name).containsAll(kept);
            }
        }
        assertThat(exported).isGreaterThanOrEqualTo(4);
    }

    @Test
    void whatLitmusCannotMakeIsListedAndARunbookOfLocalFaultsOnlyIsRefused() throws Exception {
        Experiment local = new RunbookLoader()
                .load(Path.of("../../runbooks/sandbox/payment-latency-holds.yaml"))
                .experiment();
        assertThatThrownBy(() -> exporter.write(local))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("has no fault LitmusChaos can make");
        Experiment deps = new RunbookLoader()
                .load(Path.of("../../runbooks/chaos-mesh/payment-dependencies.yaml"))
                .experiment();
        Exported out = exporter.write(deps);
        assertThat(out.notes().stream().map(ConversionNote::toString))
                .contains("fault step card-processor-dns-fails: left out: LitmusChaos has no experiment for a 'dns'"
                        + " fault");
        assertThat(out.files().getFirst().text()).contains("pod-network-loss").doesNotContain("dns");
    }

    @Test
    void aRolloutOverSharesIsExportedAtItsWidestShareAndOneOverCountsIsLeftOutSayingWhy() throws Exception {
        Path podDelete = Path.of("../../runbooks/litmus/payment-pod-delete.yaml");
        String step = new RunbookLoader()
                .load(podDelete)
                .experiment()
                .faultSteps()
                .getFirst()
                .name();
        Exported shares = exporter.write(RolledOutRunbook.of(
                podDelete, new Rollout(List.of(0.1, 0.25, 0.5), Duration.ofSeconds(20), List.of())));
        String yaml = shares.files().getFirst().text();
        assertThat(yaml)
                .containsPattern("name: PODS_AFFECTED_PERC\\s+value: '50'|value: '50'\\s+name: PODS_AFFECTED_PERC");
        assertThat(problems(yaml)).isEmpty();
        assertThat(shares.notes().stream().map(ConversionNote::toString))
                .contains("fault step " + step + " rollout: exported at its widest stage, 50% (PODS_AFFECTED_PERC):"
                        + " Litmus does not widen a fault stage by stage; left out: the stages before it (10% → 25%)"
                        + " and the check at each stage's end");

        assertThatThrownBy(() -> exporter.write(RolledOutRunbook.of(
                        podDelete, Rollout.ofTargets(List.of(1, 2), Duration.ofSeconds(20), List.of()))))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("fault step " + step + ": left out: its rollout hits counts of targets (1 target"
                        + " → 2 targets, 20s each), and a ChaosEngine picks a percentage of the matching pods"
                        + " (PODS_AFFECTED_PERC)");
    }
}
