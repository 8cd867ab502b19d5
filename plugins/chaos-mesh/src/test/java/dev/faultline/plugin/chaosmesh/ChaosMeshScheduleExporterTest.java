package dev.faultline.plugin.chaosmesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.spi.interop.ExportException;
import dev.faultline.engine.spi.interop.Exported;
import dev.faultline.engine.spi.interop.ScheduleExporter;
import dev.faultline.plugin.kube.CrdSchemas;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** A schedule exported as a Chaos Mesh Schedule passes the upstream Schedule CRD's schema, as every manifest of this backend. */
class ChaosMeshScheduleExporterTest {
    private static final CrdSchemas CRDS = new CrdSchemas(List.of("/crds/chaos-mesh.org_schedules.yaml"));
    private static final Path RUNBOOKS = Path.of("..", "..", "runbooks", "chaos-mesh");

    private static Experiment shipped(String file) throws Exception {
        return new RunbookLoader().load(RUNBOOKS.resolve(file)).experiment();
    }

    private static ScheduleExporter exporter() {
        return ServiceLoader.load(ScheduleExporter.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(e -> e.format().equals("chaos-mesh"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theShippedPodKillOnAWeeklyBerlinScheduleIsAValidScheduleThatNeverOverlaps() throws Exception {
        Exported out = exporter()
                .write(shipped("payment-pod-kill.yaml"), "weekly-pod-kill", "0 9 * * MON", ZoneId.of("Europe/Berlin"));
        assertThat(out.files())
                .singleElement()
                .satisfies(f -> assertThat(f.name()).isEqualTo("weekly-pod-kill.yaml"));
        JsonNode m = new YAMLMapper().readTree(out.files().getFirst().text());
        assertThat(CRDS.problems("chaos-mesh.org", "schedules", m)).isEmpty();
        assertThat(m.at("/kind").asString()).isEqualTo("Schedule");
        assertThat(m.at("/metadata/namespace").asString()).isEqualTo("shop");
        assertThat(m.at("/spec/schedule").asString()).isEqualTo("CRON_TZ=Europe/Berlin 0 9 * * MON");
        assertThat(m.at("/spec/type").asString()).isEqualTo("PodChaos");
        assertThat(m.at("/spec/concurrencyPolicy").asString()).isEqualTo("Forbid");
        assertThat(m.at("/spec/podChaos/action").asString()).isEqualTo("pod-kill");
        assertThat(m.at("/spec/podChaos/mode").asString()).isEqualTo("one");
        assertThat(m.at("/spec/podChaos/duration").asString()).isEqualTo("30s");
        assertThat(out.notes()).anySatisfy(n -> assertThat(n.source()).startsWith("hypothesis, stop conditions"));
        // the check is real: a policy Chaos Mesh does not know is refused
        ((ObjectNode) m.at("/spec")).put("concurrencyPolicy", "Replace");
        assertThat(CRDS.problems("chaos-mesh.org", "schedules", m)).isNotEmpty();
    }

    @Test
    void everyShippedChaosMeshRunbookWithOneChaosMeshStepExportsValidOrIsRefusedSayingWhy() throws Exception {
        for (String file : List.of(
                "payment-network-delay.yaml",
                "payment-pod-kill.yaml",
                "payment-pool-exception.yaml",
                "payment-dependencies.yaml")) {
            Experiment e = shipped(file);
            long steps = e.faultSteps().stream()
                    .filter(s -> s.backend().equals("chaos-mesh"))
                    .count();
            if (steps == 1) {
                JsonNode m = new YAMLMapper()
                        .readTree(exporter()
                                .write(e, "nightly", "30 2 * * *", ZoneId.of("UTC"))
                                .files()
                                .getFirst()
                                .text());
                assertThat(CRDS.problems("chaos-mesh.org", "schedules", m))
                        .as(file)
                        .isEmpty();
            } else {
                assertThatThrownBy(() -> exporter().write(e, "nightly", "30 2 * * *", ZoneId.of("UTC")))
                        .as(file)
                        .isInstanceOf(ExportException.class)
                        .hasMessageContaining("chaos-mesh fault steps");
            }
        }
    }
}
