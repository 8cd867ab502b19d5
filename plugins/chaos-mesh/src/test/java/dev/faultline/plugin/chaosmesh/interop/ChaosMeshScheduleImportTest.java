package dev.faultline.plugin.chaosmesh.interop;

import static dev.faultline.plugin.chaosmesh.interop.ChaosMeshImporterTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep.FaultStep;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.schedule.CronTimes;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.Exported;
import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.engine.spi.interop.Imported;
import dev.faultline.engine.spi.interop.ImportedSchedule;
import dev.faultline.engine.spi.interop.ScheduleExporter;
import dev.faultline.plugin.kube.CrdSchemas;
import dev.faultline.plugin.kube.interop.SharedCrds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A Chaos Mesh {@code Schedule} imports as an experiment and a Faultline schedule of it (cron, time
 * zone, missed-run policy), its policies noted; exported again with the Schedule exporter it passes
 * the upstream CRD and imports back the same.
 */
class ChaosMeshScheduleImportTest {
    private static final CrdSchemas CRDS = new CrdSchemas(List.of("/crds/chaos-mesh.org_schedules.yaml"));
    private final ChaosMeshImporter importer = new ChaosMeshImporter();

    private static ScheduleExporter exporter() {
        return ServiceLoader.load(ScheduleExporter.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(e -> e.format().equals("chaos-mesh"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aScheduleBecomesItsExperimentAndARecurringScheduleWithItsPoliciesNoted() throws Exception {
        ForeignFile source = resource("nightly-schedule.yaml");
        assertThat(CRDS.problems("chaos-mesh.org", "schedules", new YAMLMapper().readTree(source.text())))
                .isEmpty();

        Imported in = importer.read(source);

        Experiment e = in.experiments().getFirst();
        assertThat(in.schedules())
                .containsExactly(new ImportedSchedule(
                        e.name(), "nightly-payment-delay", "30 2 * * 1-5", ZoneId.of("Europe/Berlin"), false));
        CronTimes.parse(in.schedules().getFirst().cron());
        FaultStep delay = e.faultSteps().getFirst();
        assertThat(delay.fault()).isEqualTo(new ProxyFault.Latency(Duration.ofMillis(200), Duration.ofMillis(20), 0));
        assertThat(delay.share()).isEqualTo(0.5);
        assertThat(delay.duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(e.description())
                .contains("run on '30 2 * * 1-5' (Europe/Berlin) by the schedule nightly-payment-delay");
        assertThat(in.notes().stream().map(ConversionNote::toString))
                .anySatisfy(n -> assertThat(n)
                        .startsWith("Schedule nightly.payment-delay startingDeadlineSeconds")
                        .contains("300", "missed: skip"))
                .anySatisfy(n -> assertThat(n)
                        .startsWith("Schedule nightly.payment-delay concurrencyPolicy")
                        .contains("never runs two at once"))
                .anySatisfy(n -> assertThat(n).startsWith("Schedule nightly.payment-delay historyLimit"))
                .noneSatisfy(n -> assertThat(n).contains("one run of its"));
        assertThat(SharedCrds.asRunbook(e)).isEqualTo(e);
    }

    @Test
    void descriptorsAndZonesBecomeFiveFieldsAndNoDeadlineMeansAMissedTimeRunsOnce() throws Exception {
        Imported hourly = importer.read(resource("hourly-kill.yaml"));
        assertThat(hourly.schedules())
                .singleElement()
                .isEqualTo(new ImportedSchedule(
                        "hourly-cart-kill", "hourly-cart-kill", "0 */2 * * *", ZoneId.of("America/New_York"), false));
        assertThat(hourly.experiments().getFirst().faultSteps().getFirst().fault())
                .isInstanceOf(PodFault.PodKill.class);

        Path upstream = SharedCrds.folder("chaos-mesh/examples").orElse(null);
        assumeTrue(upstream != null, "no ../shared/crds next to this checkout");
        Path file = upstream.resolve("schedule-podchaos.yaml");
        Imported every5s = importer.read(new ForeignFile(file, Files.readString(file)));
        assertThat(every5s.schedules())
                .singleElement()
                .isEqualTo(new ImportedSchedule(
                        "schedule-pod-kill-example", "schedule-pod-kill-example", "* * * * *", ZoneId.of("UTC"), true));
        assertThat(every5s.notes().stream().map(ConversionNote::toString))
                .anySatisfy(n -> assertThat(n).contains("'@every 5s' has no exact five-field cron expression"))
                .anySatisfy(n -> assertThat(n).contains("no CRON_TZ").contains("UTC"))
                .anySatisfy(n -> assertThat(n).contains("missed time runs once (missed: run-once)"));
    }

    @Test
    void exportedAgainWithTheScheduleExporterItPassesTheCrdAndImportsBackTheSame() throws Exception {
        Imported first = importer.read(resource("hourly-kill.yaml"));
        Experiment e = first.experiments().getFirst();
        ImportedSchedule s = first.schedules().getFirst();

        Exported out = exporter().write(e, s.name(), s.cron(), s.zone());

        String manifest = out.files().getFirst().text();
        assertThat(CRDS.problems("chaos-mesh.org", "schedules", new YAMLMapper().readTree(manifest)))
                .isEmpty();
        Imported again = importer.read(new ForeignFile(Path.of(s.name() + ".yaml"), manifest));
        assertThat(again.schedules()).containsExactly(s);
        Experiment back = again.experiments().getFirst();
        assertThat(back.name()).isEqualTo(e.name());
        assertThat(back.method()).isEqualTo(e.method());
        assertThat(back.hypothesis()).isEqualTo(e.hypothesis());
    }

    @Test
    void severalSchedulesInOneFileAreAnExperimentAndAScheduleEachAndANullDeadlineIsNoDeadline() throws Exception {
        ForeignFile source = resource("soak-schedules.yaml");
        for (var doc : new YAMLMapper()
                .readerFor(tools.jackson.databind.JsonNode.class)
                .readValues(source.text())
                .readAll()) {
            assertThat(CRDS.problems("chaos-mesh.org", "schedules", (tools.jackson.databind.JsonNode) doc))
                    .isEmpty();
        }

        Imported in = importer.read(source);

        assertThat(in.schedules())
                .containsExactly(
                        new ImportedSchedule(
                                "ledger-duplicate", "ledger-duplicate", "0 * * * *", ZoneId.of("UTC"), true),
                        new ImportedSchedule("gateway-narrow", "gateway-narrow", "* * * * *", ZoneId.of("UTC"), true));
        assertThat(in.experiments()).extracting(Experiment::name).containsExactly("ledger-duplicate", "gateway-narrow");
        FaultStep narrow = in.experiments().get(1).faultSteps().getFirst();
        assertThat(narrow.share()).isEqualTo(0.25);
        assertThat(narrow.duration()).isEqualTo(Duration.ofSeconds(1));
        for (Experiment e : in.experiments()) {
            assertThat(SharedCrds.asRunbook(e)).isEqualTo(e);
        }
        for (ImportedSchedule s : in.schedules()) {
            CronTimes.parse(s.cron());
        }
    }

    @Test
    void aCronChaosMeshWouldRefuseIsReportedAtItsLine() {
        String sixFields = """
                apiVersion: chaos-mesh.org/v1alpha1
                kind: Schedule
                metadata: {name: every-second}
                spec:
                  schedule: "*/5 * * * * *"
                  type: PodChaos
                  podChaos: {action: pod-kill, mode: one, selector: {namespaces: [shop]}}
                """;
        assertThatThrownBy(() -> importer.read(new ForeignFile(Path.of("s.yaml"), sixFields)))
                .isInstanceOf(ImportException.class)
                .hasMessage(
                        "s.yaml:5: spec.schedule: looks like Chaos Mesh but '*/5 * * * * *' has 6 fields; a Schedule"
                                + " takes Unix cron's five (minute hour day-of-month month day-of-week, e.g. '0 9 * * MON')");
        String badZone = sixFields.replace("*/5 * * * * *", "CRON_TZ=Mars/Olympus 0 9 * * *");
        assertThatThrownBy(() -> importer.read(new ForeignFile(Path.of("s.yaml"), badZone)))
                .hasMessage("s.yaml:5: spec.schedule: looks like Chaos Mesh but 'Mars/Olympus' is not a time zone (e.g."
                        + " Europe/Berlin, UTC)");
    }
}
