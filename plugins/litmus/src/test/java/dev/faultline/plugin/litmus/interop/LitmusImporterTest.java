package dev.faultline.plugin.litmus.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.MethodStep.FaultStep;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.engine.spi.interop.Imported;
import dev.faultline.engine.spi.interop.RunbookImporter;
import dev.faultline.plugin.kube.interop.SharedCrds;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class LitmusImporterTest {
    private final LitmusImporter importer = new LitmusImporter();

    static ForeignFile resource(String name) throws Exception {
        try (InputStream in = LitmusImporterTest.class.getResourceAsStream("/interop/" + name)) {
            return new ForeignFile(Path.of(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void isFoundByServiceLoaderAndRecognisesAChaosEngine() throws Exception {
        assertThat(ServiceLoader.load(RunbookImporter.class).stream()
                        .map(p -> p.get().format()))
                .contains("litmus");
        assertThat(importer.recognise(resource("payment-engine.yaml"))).contains("a LitmusChaos ChaosEngine");
        assertThat(importer.recognise(
                        new ForeignFile(Path.of("x.yaml"), "apiVersion: chaos-mesh.org/v1alpha1\nkind: PodChaos\n")))
                .isEmpty();
        assertThat(importer.recognise(new ForeignFile(
                        Path.of("ctk.yaml"),
                        "title: t\nmethod:\n  - arguments:\n      body:\n        apiVersion: litmuschaos.io/v1alpha1\n"
                                + "        kind: ChaosEngine\n")))
                .isEmpty();
    }

    @Test
    void theEngineExperimentsFollowOneAnotherWithTheirEnvAsFaultsTargetsSharesAndDurations() throws Exception {
        Imported in = importer.read(resource("payment-engine.yaml"));
        Experiment e = in.experiments().getFirst();
        assertThat(e.name()).isEqualTo("payment-chaos");
        List<FaultStep> steps = e.faultSteps();
        assertThat(steps).hasSize(2);
        FaultStep latency = steps.get(0);
        assertThat(latency.name()).isEqualTo("pod-network-latency");
        assertThat(latency.backend()).isEqualTo("litmus");
        assertThat(latency.fault()).isEqualTo(new ProxyFault.Latency(Duration.ofMillis(400), Duration.ofMillis(50)));
        assertThat(latency.duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(latency.share()).isEqualTo(0.5);
        assertThat(latency.target().selector().values())
                .containsEntry("namespace", "shop")
                .containsEntry("labels", "app=payment,tier=backend")
                .containsEntry("container", "app");
        FaultStep cpu = steps.get(1);
        assertThat(cpu.fault()).isEqualTo(new StressFault.CpuStress(2, 75));
        assertThat(cpu.duration()).isEqualTo(Duration.ofSeconds(45));
        assertThat(cpu.target().selector().values()).containsEntry("podNames", "payment-0,payment-1");
        assertThat(e.method()).allMatch(s -> s.lane() == 0 && s.explicitStart().isEmpty());

        List<Probe> probes = e.hypothesis().probes();
        assertThat(probes).extracting(Probe::name).containsExactly("order-health", "error-ratio");
        assertThat(probes.get(0).type()).isEqualTo("http");
        assertThat(probes.get(0).params().values())
                .containsEntry("url", "http://order.shop.svc:8080/health")
                .containsEntry("measure", "status");
        assertThat(probes.get(0).expect()).isEqualTo(new Tolerance.Exact(200));
        assertThat(probes.get(0).checkedDuring()).isTrue();
        assertThat(probes.get(1).type()).isEqualTo("prometheus");
        assertThat(probes.get(1).params().values()).containsEntry("url", "http://prometheus.monitoring.svc:9090");
        assertThat(probes.get(1).expect()).isEqualTo(new Tolerance.Threshold(Tolerance.Op.LT, 0.01));
        assertThat(probes.get(1).checkedDuring()).isFalse();
        assertThat(SharedCrds.asRunbook(e)).isEqualTo(e);

        assertThat(in.notes().stream().map(ConversionNote::toString))
                .anySatisfy(n -> assertThat(n)
                        .startsWith("ChaosEngine payment-chaos experiment pod-network-latency env NETWORK_INTERFACE"))
                .anySatisfy(n -> assertThat(n)
                        .startsWith("ChaosEngine payment-chaos experiment pod-network-latency env DESTINATION_HOSTS"))
                .anySatisfy(
                        n -> assertThat(n).startsWith("ChaosEngine payment-chaos probe ledger-consistent: left out"))
                .anySatisfy(n -> assertThat(n).startsWith("ChaosEngine payment-chaos probe pdb-present: left out"))
                .anySatisfy(n -> assertThat(n).startsWith("ChaosEngine payment-chaos probe order-health runProperties"))
                .anySatisfy(n -> assertThat(n).startsWith("ChaosExperiment pod-cpu-hog: left out"));
    }

    @Test
    void aBadValueIsReportedAtItsLine() throws Exception {
        assertThatThrownBy(() -> importer.read(resource("broken-engine.yaml")))
                .isInstanceOfSatisfying(ImportException.class, x -> {
                    assertThat(x.line()).isEqualTo(13);
                    assertThat(x.field()).isEqualTo("spec.experiments[0].spec.components.env[0].value");
                    assertThat(x.getMessage())
                            .contains("looks like LitmusChaos but NETWORK_PACKET_LOSS_PERCENTAGE 'lots'");
                });
    }

    @Test
    void everyUpstreamEngineImportsAndTheChartEnginesIntoValidRunbooks() throws Exception {
        Path folder = SharedCrds.folder("litmus/examples").orElse(null);
        assumeTrue(folder != null, "no ../shared/crds next to this checkout");
        List<Path> files = new ArrayList<>(SharedCrds.yamlFiles(folder));
        files.addAll(SharedCrds.yamlFiles(folder.resolve("probes")));
        int engines = 0;
        for (Path f : files) {
            ForeignFile file = new ForeignFile(f, Files.readString(f));
            assertThat(importer.recognise(file)).as(f.toString()).isPresent();
            Imported in = importer.read(file);
            if (f.getFileName().toString().endsWith("-experiment.yaml")) {
                assertThat(importer.recognise(file)).contains("a LitmusChaos ChaosExperiment");
                assertThat(in.experiments()).as(f.toString()).isEmpty();
                assertThat(in.notes())
                        .singleElement()
                        .satisfies(n -> assertThat(n.toString())
                                .startsWith("ChaosExperiment ")
                                .contains("nothing to import on its own", "import the ChaosEngine"));
                continue;
            }
            engines++;
            for (Experiment e : in.experiments()) {
                assertThat(e.method()).as(f.toString()).isNotEmpty();
                if (!f.getParent().getFileName().toString().equals("probes")) {
                    assertThat(SharedCrds.asRunbook(e)).as(f.toString()).isEqualTo(e);
                }
            }
        }
        assertThat(engines).isGreaterThanOrEqualTo(30);
        // each note is one line, a multi-line env value (the hub's CHAOS_KILL_COMMAND) included
        for (Path f : files) {
            assertThat(importer.read(new ForeignFile(f, Files.readString(f))).notes())
                    .as(f.toString())
                    .allSatisfy(n -> assertThat(n.toString()).doesNotContain("\n"));
        }
        Imported sock = importer.read(new ForeignFile(
                folder.resolve("sock-shop-promprobe-pod-cpu-hog-engine.yaml"),
                Files.readString(folder.resolve("sock-shop-promprobe-pod-cpu-hog-engine.yaml"))));
        assertThat(sock.experiments().getFirst().hypothesis().probes())
                .extracting(Probe::type)
                .contains("http", "prometheus");
        assertThat(sock.experiments().getFirst().method()).first().isInstanceOf(MethodStep.FaultStep.class);
    }
}
