package dev.faultline.plugin.chaostoolkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.Exported;
import dev.faultline.engine.spi.interop.ForeignFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every shipped runbook exported to Chaos Toolkit is an experiment Chaos Toolkit's validator
 * accepts, and, when Chaos Toolkit can express all its faults, imports again with the same
 * meaning: the same probes and tolerances, faults and timings, rollbacks and safety settings.
 */
class ChaosToolkitRoundTripTest {
    private static final Path RUNBOOKS = Path.of("../../runbooks");

    private final RunbookLoader loader = new RunbookLoader();
    private final ChaosToolkitExporter exporter = new ChaosToolkitExporter();
    private final ChaosToolkitImporter importer = new ChaosToolkitImporter(Map.of());

    private List<Path> experiments() throws Exception {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RUNBOOKS)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                if (loader.kindOf(p).equals("Experiment")) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    @Test
    void shippedRunbooksExportAsValidExperimentsAndComeBackWithTheirMeaning() throws Exception {
        List<Path> runbooks = experiments();
        assertThat(runbooks).hasSizeGreaterThan(15);
        int roundTrips = 0;
        for (Path p : runbooks) {
            Experiment original = loader.load(p).experiment();
            Exported out = exporter.write(original);
            assertThat(out.files()).hasSize(1);
            String json = out.files().getFirst().text();
            JsonNode tree = JsonMapper.builder().build().readTree(json);
            assertThat(ChaosToolkitValidator.check(tree))
                    .as(p + " against Chaos Toolkit's rules")
                    .isEmpty();

            ForeignFile back = new ForeignFile(Path.of(out.files().getFirst().name()), json);
            assertThat(importer.recognise(back)).as(p.toString()).hasValue("a Chaos Toolkit experiment in JSON");
            Experiment imported = importer.read(back).experiments().getFirst();
            boolean leftOut = out.notes().stream().map(ConversionNote::instead).anyMatch(n -> n.startsWith("left out"));
            if (leftOut) {
                assertThat(imported.title()).isEqualTo(original.title());
                assertThat(imported.hypothesis()).isEqualTo(original.hypothesis());
                assertThat(imported.rollbacks()).isEqualTo(original.rollbacks());
                continue;
            }
            assertThat(imported).as(p + " after export and import").isEqualTo(original);
            roundTrips++;
        }
        assertThat(roundTrips).as("runbooks Chaos Toolkit expresses whole").isGreaterThanOrEqualTo(8);
    }

    @Test
    void faultsAndTimingsAreCarriedByTheChaosToolkitActivitiesThemselves() throws Exception {
        Experiment original = loader.load(RUNBOOKS.resolve("toxiproxy/payment-latency-toxiproxy.yaml"))
                .experiment();
        String json = exporter.write(original).files().getFirst().text();
        JsonNode tree = JsonMapper.builder().build().readTree(json);

        JsonNode first = tree.path("method").get(0);
        assertThat(first.path("provider").path("module").asString()).isEqualTo("chaostoxi.toxic.actions");
        assertThat(first.path("provider").path("func").asString()).isEqualTo("create_toxic");
        assertThat(first.path("provider")
                        .path("arguments")
                        .path("attributes")
                        .path("latency")
                        .asInt())
                .isEqualTo(150);
        assertThat(first.path("provider").path("arguments").path("toxicity").asDouble())
                .isEqualTo(0.8);
        assertThat(first.path("pauses").path("after").asInt()).isEqualTo(15);
        assertThat(tree.path("method").get(1).path("provider").path("func").asString())
                .isEqualTo("delete_toxic");
        // without the faultline extension the faults and timings still come back (the backend too)
        ((tools.jackson.databind.node.ObjectNode) tree).remove("extensions");
        Experiment bare = importer.read(new ForeignFile(Path.of("bare.json"), tree.toString()))
                .experiments()
                .getFirst();
        assertThat(bare.method()).isEqualTo(original.method());
        assertThat(bare.hypothesis().probes())
                .extracting(pr -> pr.name())
                .isEqualTo(original.hypothesis().probes().stream()
                        .map(pr -> pr.name())
                        .toList());
    }
}
