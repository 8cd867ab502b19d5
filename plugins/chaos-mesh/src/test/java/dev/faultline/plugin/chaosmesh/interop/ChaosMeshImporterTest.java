package dev.faultline.plugin.chaosmesh.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.FileSystemFault;
import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.JvmFault;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.MethodStep.FaultStep;
import dev.faultline.engine.model.NetworkFault;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.StressFault;
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
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChaosMeshImporterTest {
    private final ChaosMeshImporter importer = new ChaosMeshImporter();

    static ForeignFile resource(String name) throws Exception {
        try (InputStream in = ChaosMeshImporterTest.class.getResourceAsStream("/interop/" + name)) {
            return new ForeignFile(Path.of(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Map<String, FaultStep> steps(Experiment e) {
        return e.faultSteps().stream().collect(Collectors.toMap(FaultStep::name, s -> s));
    }

    @Test
    void isFoundByServiceLoaderAndRecognisesChaosMeshFromTheContent() throws Exception {
        assertThat(ServiceLoader.load(RunbookImporter.class).stream()
                        .map(p -> p.get().format()))
                .contains("chaos-mesh");
        assertThat(importer.recognise(resource("checkout-gameday.yaml"))).contains("a Chaos Mesh Workflow");
        assertThat(importer.recognise(new ForeignFile(Path.of("x.yaml"), "apiVersion: v1\nkind: ConfigMap\n")))
                .isEmpty();
        assertThat(importer.recognise(
                        new ForeignFile(Path.of("x.yaml"), "apiVersion: litmuschaos.io/v1alpha1\nkind: ChaosEngine\n")))
                .isEmpty();
        // A Chaos Toolkit experiment that creates a PodChaos through the Kubernetes extension is not one.
        assertThat(importer.recognise(new ForeignFile(Path.of("ctk.yaml"), """
                        title: Carts survive a pod kill
                        method:
                          - type: action
                            name: kill-cart
                            provider:
                              type: python
                              module: chaosk8s.crd.actions
                              func: create_custom_object
                              arguments:
                                resource:
                                  apiVersion: chaos-mesh.org/v1alpha1
                                  kind: PodChaos
                        """)))
                .isEmpty();
    }

    @Test
    void eachOfTheEightKindsBecomesItsFaultInALaneOfItsOwnFromTheStart() throws Exception {
        Imported in = importer.read(resource("shop-chaos.yaml"));
        assertThat(in.experiments()).hasSize(1);
        Experiment e = in.experiments().getFirst();
        Map<String, FaultStep> s = steps(e);
        assertThat(s)
                .containsOnlyKeys(
                        "kill-two-carts",
                        "payment-netem-latency",
                        "payment-netem-packet-loss",
                        "search-loses-the-web",
                        "order-stress-cpu-stress",
                        "order-stress-memory-stress",
                        "db-slow-disk",
                        "invoice-clock-back",
                        "catalog-503",
                        "cards-dns",
                        "pool-throws");
        assertThat(e.method().stream().map(MethodStep::lane).distinct().count())
                .isEqualTo(e.method().size());
        assertThat(e.method()).allMatch(m -> m.explicitStart().orElseThrow().isZero());

        FaultStep kill = s.get("kill-two-carts");
        assertThat(kill.fault()).isEqualTo(new PodFault.PodKill(Duration.ofSeconds(5)));
        assertThat(kill.target().selector().values())
                .containsEntry("namespace", "shop")
                .containsEntry("labels", "app=cart")
                .containsEntry("count", "2");
        assertThat(kill.duration()).isEqualTo(Duration.ofSeconds(30));

        FaultStep latency = s.get("payment-netem-latency");
        assertThat(latency.fault())
                .isEqualTo(new ProxyFault.Latency(Duration.ofMillis(250), Duration.ofMillis(20), 0.1));
        assertThat(latency.share()).isEqualTo(0.5);
        assertThat(latency.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(latency.target().selector().values()).containsEntry("labels", "app=payment,tier=backend");
        assertThat(s.get("payment-netem-packet-loss").fault()).isEqualTo(new NetworkFault.PacketLoss(0.05, 0));

        assertThat(s.get("search-loses-the-web").fault()).isEqualTo(new NetworkFault.PacketLoss(1, 1));
        assertThat(s.get("search-loses-the-web").duration()).isEqualTo(ChaosMeshImporter.DEFAULT_DURATION);

        assertThat(s.get("order-stress-cpu-stress").fault()).isEqualTo(new StressFault.CpuStress(2, 80));
        assertThat(s.get("order-stress-memory-stress").fault()).isEqualTo(new StressFault.MemoryStress(256_000_000));
        assertThat(s.get("order-stress-cpu-stress").target().selector().values())
                .containsEntry("container", "app")
                .containsEntry("count", "1");

        assertThat(s.get("db-slow-disk").fault())
                .isEqualTo(new FileSystemFault.IoLatency(
                        Duration.ofMillis(100), "/var/lib/postgresql", "/var/lib/postgresql/**/*", 0.5));
        assertThat(s.get("db-slow-disk").target().selector().values()).containsEntry("namespace", "data");

        assertThat(s.get("invoice-clock-back").fault()).isEqualTo(new PodFault.TimeShift(Duration.ofMinutes(-90)));
        assertThat(s.get("invoice-clock-back").target().selector().values())
                .containsEntry("podNames", "invoice-0,invoice-1");

        assertThat(s.get("catalog-503").fault())
                .isEqualTo(new HttpFault(
                        "GET",
                        "/api/items/*",
                        Map.of(),
                        503,
                        Duration.ZERO,
                        false,
                        "{\"error\":\"down\"}",
                        false,
                        Map.of("X-Fault", "injected")));
        assertThat(s.get("catalog-503").target().selector().values()).containsEntry("port", "8080");

        assertThat(s.get("cards-dns").fault())
                .isEqualTo(new NetworkFault.DnsFault("error", List.of("cards.example.com", "*.cards.example.com")));
        assertThat(s.get("pool-throws").fault())
                .isEqualTo(new JvmFault.JvmException(
                        new JvmFault.JvmMethod("com.shop.db.Pool", "acquire"),
                        "java.sql.SQLTransientConnectionException",
                        "pool exhausted"));

        assertThat(e.blastRadius().maxShare()).isEqualTo(1.0);
        assertThat(e.blastRadius().maxDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(SharedCrds.asRunbook(e)).isEqualTo(e);
    }

    @Test
    void whatAFaultCannotSayIsNotedByNameNeverDropped() throws Exception {
        List<String> notes = importer.read(resource("shop-chaos.yaml")).notes().stream()
                .map(ConversionNote::toString)
                .toList();
        assertThat(notes)
                .anySatisfy(
                        n -> assertThat(n).startsWith("NetworkChaos payment-netem spec.selector.expressionSelectors"))
                .anySatisfy(n -> assertThat(n).startsWith("NetworkChaos search-loses-the-web spec.direction"))
                .anySatisfy(n -> assertThat(n)
                        .startsWith("NetworkChaos search-loses-the-web spec.duration: none given")
                        .contains("1m"))
                .anySatisfy(n -> assertThat(n).startsWith("IOChaos db-slow-disk spec.methods: left out"))
                .anySatisfy(n -> assertThat(n).startsWith("TimeChaos invoice-clock-back spec.clockIds: left out"))
                .anySatisfy(n -> assertThat(n).startsWith("JVMChaos pool-throws spec.port: left out"))
                .anySatisfy(n -> assertThat(n).startsWith("ConfigMap not-chaos").contains("not a Chaos Mesh resource"));
    }

    @Test
    void aWorkflowLaysSerialChildrenEndToEndAndParallelOnesSideBySide() throws Exception {
        Imported in = importer.read(resource("checkout-gameday.yaml"));
        Experiment e = in.experiments().getFirst();
        assertThat(e.name()).isEqualTo("checkout-gameday");
        Map<String, MethodStep> byName = e.method().stream().collect(Collectors.toMap(MethodStep::name, m -> m));
        MethodStep slow = byName.get("slow-payments");
        MethodStep busy = byName.get("busy-orders");
        MethodStep settle = byName.get("settle");
        MethodStep kill = byName.get("kill-every-minute");
        assertThat(slow.explicitStart()).contains(Duration.ZERO);
        assertThat(busy.explicitStart()).contains(Duration.ZERO);
        assertThat(busy.lane()).isNotEqualTo(slow.lane());
        assertThat(busy.plannedLength()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settle)
                .isEqualTo(
                        new MethodStep.WaitStep("settle", slow.lane(), Duration.ofMinutes(1), Duration.ofSeconds(20)));
        assertThat(kill.explicitStart()).contains(Duration.ofSeconds(80));
        assertThat(kill.lane()).isEqualTo(slow.lane());
        assertThat(((FaultStep) kill).fault()).isInstanceOf(PodFault.PodKill.class);
        assertThat(kill.plannedLength()).isEqualTo(Duration.ofMinutes(2));
        assertThat(in.notes())
                .anySatisfy(n -> assertThat(n.instead())
                        .contains("'*/1 * * * *'", "concurrencyPolicy Forbid", "imports as a Faultline schedule"));
        assertThat(e.blastRadius().maxDuration()).isEqualTo(Duration.ofSeconds(200));
        assertThat(SharedCrds.asRunbook(e)).isEqualTo(e);
    }

    @Test
    void aMalformedValueIsReportedWithItsFileLineAndField() throws Exception {
        assertThatThrownBy(() -> importer.read(resource("broken-latency.yaml")))
                .isInstanceOfSatisfying(ImportException.class, x -> {
                    assertThat(x.line()).isEqualTo(11);
                    assertThat(x.field()).isEqualTo("spec.delay.latency");
                    assertThat(x.getMessage())
                            .isEqualTo("broken-latency.yaml:11: spec.delay.latency: looks like Chaos Mesh but 'fast'"
                                    + " is not a duration, e.g. 30s, 1m30s or 100ms");
                });
        assertThatThrownBy(() -> importer.read(new ForeignFile(
                        Path.of("bad.yaml"), "apiVersion: chaos-mesh.org/v1alpha1\nkind: PodChaos\nspec: [a\n")))
                .isInstanceOfSatisfying(
                        ImportException.class, x -> assertThat(x.line()).isEqualTo(4));
    }

    @Test
    void everyUpstreamExampleImportsIntoValidRunbooks() throws Exception {
        Path folder = SharedCrds.folder("chaos-mesh/examples").orElse(null);
        assumeTrue(folder != null, "no ../shared/crds next to this checkout");
        List<Path> files = SharedCrds.yamlFiles(folder);
        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        for (Path f : files) {
            ForeignFile file = new ForeignFile(f, Files.readString(f));
            assertThat(importer.recognise(file)).as(f.toString()).isPresent();
            Imported in = importer.read(file);
            assertThat(in.experiments()).as(f.toString()).isNotEmpty();
            for (Experiment e : in.experiments()) {
                assertThat(e.method()).as(f.toString()).isNotEmpty();
                assertThat(SharedCrds.asRunbook(e)).as(f.toString()).isEqualTo(e);
            }
        }
    }
}
