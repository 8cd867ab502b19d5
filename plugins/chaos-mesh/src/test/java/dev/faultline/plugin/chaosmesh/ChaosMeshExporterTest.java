package dev.faultline.plugin.chaosmesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.MethodStep.FaultStep;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProcessFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ExportException;
import dev.faultline.engine.spi.interop.Exported;
import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.Imported;
import dev.faultline.engine.spi.interop.RunbookExporter;
import dev.faultline.engine.testkit.RolledOutRunbook;
import dev.faultline.plugin.chaosmesh.interop.ChaosMeshImporter;
import dev.faultline.plugin.kube.CrdSchemas;
import dev.faultline.plugin.kube.interop.RoundTrips;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class ChaosMeshExporterTest {
    private static final CrdSchemas SCHEMAS = new CrdSchemas(withWorkflows());
    private final ChaosMeshExporter exporter = new ChaosMeshExporter();

    private static List<String> withWorkflows() {
        List<String> crds = new ArrayList<>(ChaosMeshFixture.CRDS);
        crds.add("/crds/chaos-mesh.org_workflows.yaml");
        return crds;
    }

    /** The manifest's problems against the upstream CRD of its kind. */
    static List<String> problems(String yaml) {
        JsonNode m = new YAMLMapper().readTree(yaml);
        String kind = m.path("kind").asString();
        String plural = kind.equals("Workflow") ? "workflows" : ChaosKind.ofKind(kind).plural;
        return SCHEMAS.problems("chaos-mesh.org", plural, m);
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(RunbookExporter.class).stream()
                        .map(p -> p.get().format()))
                .contains("chaos-mesh");
    }

    @Test
    void theShippedClusterRunbooksExportToValidManifestsAndComeBackWithTheirFaultsTargetsSharesAndTimings()
            throws Exception {
        List<Path> runbooks = new ArrayList<>(ShippedRunbooksIT.runbooks("chaos-mesh"));
        runbooks.addAll(ShippedRunbooksIT.runbooks("litmus"));
        int exported = 0;
        for (Path f : runbooks) {
            Experiment e = new RunbookLoader().load(f).experiment();
            Exported out;
            try {
                out = exporter.write(e);
            } catch (ExportException x) {
                assertThat(f.toString()).as(x.getMessage()).contains("node-drain");
                continue;
            }
            exported++;
            assertThat(out.files()).hasSize(1);
            String yaml = out.files().getFirst().text();
            assertThat(problems(yaml)).as(f + "\n" + yaml).isEmpty();
            Imported back = new ChaosMeshImporter()
                    .read(new ForeignFile(Path.of(out.files().getFirst().name()), yaml));
            assertThat(back.experiments()).hasSize(1);
            Experiment again = back.experiments().getFirst();
            for (FaultStep s : e.faultSteps()) {
                Target target = s.target();
                if (out.notes().stream()
                        .anyMatch(n -> n.source().equals("fault step " + s.name() + " target container"))) {
                    java.util.Map<String, String> p =
                            new java.util.TreeMap<>(target.selector().values());
                    p.remove("container");
                    target = new Target("pods", new Params(p));
                }
                FaultStep expected = new FaultStep(
                        s.name(), s.lane(), s.at(), s.duration(), "chaos-mesh", s.fault(), target, s.share());
                RoundTrips.assertKept(e, expected, again, true);
            }
            assertThat(out.notes()).extracting(ConversionNote::source).anyMatch(n -> n.startsWith("probe "));
        }
        assertThat(exported).isGreaterThanOrEqualTo(6);
    }

    @Test
    void severalLanesBecomeOneWorkflowWithSuspendsForTheGaps() throws Exception {
        Experiment e = new RunbookLoader()
                .load(Path.of("../../runbooks/chaos-mesh/payment-dependencies.yaml"))
                .experiment();
        String yaml = exporter.write(e).files().getFirst().text();
        assertThat(yaml)
                .contains(
                        "kind: Workflow",
                        "templateType: Parallel",
                        "templateType: Suspend",
                        "name: lossy-network-wait-before",
                        "deadline: 20s",
                        "dnsChaos:",
                        "networkChaos:");
        assertThat(problems(yaml)).isEmpty();
    }

    @Test
    void whatChaosMeshCannotMakeIsListedAndARunbookOfLocalFaultsOnlyIsRefused() throws Exception {
        Experiment local = new RunbookLoader()
                .load(Path.of("../../runbooks/sandbox/payment-latency-holds.yaml"))
                .experiment();
        assertThatThrownBy(() -> exporter.write(local))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("has no fault Chaos Mesh can make");

        Experiment base = new RunbookLoader()
                .load(Path.of("../../runbooks/chaos-mesh/payment-pod-kill.yaml"))
                .experiment();
        List<MethodStep> method = new ArrayList<>(base.method());
        method.add(new FaultStep(
                "pause-it",
                1,
                Duration.ZERO,
                Duration.ofSeconds(10),
                "chaos-mesh",
                new ProcessFault.ProcessPause(),
                new Target("pods", Params.of("namespace", "shop", "labels", "app=x")),
                1));
        method.add(new FaultStep(
                "slow-proxy",
                2,
                null,
                Duration.ofSeconds(10),
                "toxiproxy",
                new ProxyFault.Latency(Duration.ofMillis(100), Duration.ZERO),
                new Target("proxy", Params.of("name", "db")),
                1));
        Experiment mixed = new Experiment(
                base.name(),
                base.title(),
                base.description(),
                base.labels(),
                base.environment(),
                base.hypothesis(),
                method,
                base.blastRadius(),
                base.stopConditions(),
                base.rollbacks(),
                base.timing());
        Exported out = exporter.write(mixed);
        assertThat(out.notes().stream().map(ConversionNote::toString))
                .contains(
                        "fault step pause-it: left out: Chaos Mesh cannot make a 'process-pause' fault",
                        "fault step slow-proxy: left out: Chaos Mesh faults pods, not a proxy target");
        String yaml = out.files().getFirst().text();
        assertThat(yaml).contains("kind: PodChaos").doesNotContain("kind: Workflow");
        assertThat(problems(yaml)).isEmpty();
    }

    @Test
    void aRolloutIsExportedAtItsWidestStageACountAsFixedModeAndWhatIsLeftOutIsSaid() throws Exception {
        Path podKill = Path.of("../../runbooks/chaos-mesh/payment-pod-kill.yaml");
        Exported counts = exporter.write(
                RolledOutRunbook.of(podKill, Rollout.ofTargets(List.of(1, 2, 3), Duration.ofSeconds(20), List.of())));
        String yaml = counts.files().getFirst().text();
        JsonNode spec = new YAMLMapper().readTree(yaml).path("spec");
        assertThat(spec.path("mode").asString()).isEqualTo("fixed");
        assertThat(spec.path("value").asString()).isEqualTo("3");
        assertThat(problems(yaml)).isEmpty();
        assertThat(counts.notes().stream().map(ConversionNote::toString))
                .contains("fault step kill-one-payment-pod rollout: exported at its widest stage, 3 targets (mode:"
                        + " fixed, value: 3): Chaos Mesh does not widen a fault stage by stage; left out: the stages"
                        + " before it (1 target → 2 targets) and the check at each stage's end");

        Exported shares = exporter.write(
                RolledOutRunbook.of(podKill, new Rollout(List.of(0.25, 0.5), Duration.ofSeconds(20), List.of())));
        JsonNode half =
                new YAMLMapper().readTree(shares.files().getFirst().text()).path("spec");
        assertThat(half.path("mode").asString()).isEqualTo("fixed-percent");
        assertThat(half.path("value").asString()).isEqualTo("50");
        assertThat(shares.notes().stream().map(ConversionNote::toString))
                .contains("fault step kill-one-payment-pod rollout: exported at its widest stage, 50% (mode:"
                        + " fixed-percent, value: 50): Chaos Mesh does not widen a fault stage by stage; left out:"
                        + " the stages before it (25%) and the check at each stage's end");
    }
}
