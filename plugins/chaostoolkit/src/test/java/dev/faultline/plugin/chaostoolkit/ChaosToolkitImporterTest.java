package dev.faultline.plugin.chaostoolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.Command;
import dev.faultline.engine.model.CommandStep;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.runbook.RunbookWriter;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.engine.spi.interop.Imported;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChaosToolkitImporterTest {
    private final ChaosToolkitImporter importer = new ChaosToolkitImporter(Map.of());

    static ForeignFile file(String name) throws IOException {
        try (InputStream in = ChaosToolkitImporterTest.class.getResourceAsStream("/chaostoolkit/" + name)) {
            return new ForeignFile(Path.of(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Probe probe(Experiment e, String name) {
        return e.hypothesis().probe(name).orElseThrow();
    }

    private static MethodStep step(Experiment e, String name) {
        return e.method().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> notes(Imported i) {
        return i.notes().stream().map(ConversionNote::toString).toList();
    }

    @Test
    void recognisesExperimentsFromTheirContentAndNothingElse() throws Exception {
        assertThat(importer.recognise(file("shop-latency.json"))).hasValue("a Chaos Toolkit experiment in JSON");
        assertThat(importer.recognise(file("pods-and-mesh.yaml"))).hasValue("a Chaos Toolkit experiment in YAML");
        assertThat(importer.recognise(file("before-1.0.json")))
                .hasValue("a Chaos Toolkit experiment in JSON, in the format from before 1.0");
        assertThat(importer.recognise(new ForeignFile(
                        Path.of("x.yaml"),
                        "apiVersion: chaos-mesh.org/v1alpha1\nkind: PodChaos\nmetadata: {name: a}\n")))
                .isEmpty();
        assertThat(importer.recognise(
                        new ForeignFile(Path.of("x.yaml"), "apiVersion: faultline.dev/v1\nkind: Experiment\n")))
                .isEmpty();
        assertThat(importer.recognise(new ForeignFile(Path.of("x.json"), "{\"proxies\": []}")))
                .isEmpty();
        assertThat(importer.recognise(new ForeignFile(Path.of("x.json"), "{ not json")))
                .isEmpty();
    }

    @Test
    void aJsonExperimentWithConfigurationSecretsAndToxiproxyBecomesARunbook() throws Exception {
        Imported i = importer.read(file("shop-latency.json"));
        Experiment e = i.experiments().getFirst();

        assertThat(e.title()).isEqualTo("Checkout survives a slow payment gateway");
        assertThat(e.name()).isEqualTo("checkout-survives-a-slow-payment-gateway");
        assertThat(e.description()).contains("Tags: checkout, payments");
        assertThat(e.hypothesis().title()).isEqualTo("Checkout answers and orders flow");
        Probe health = probe(e, "checkout-answers");
        assertThat(health.type()).isEqualTo("http");
        assertThat(health.params().values())
                .containsEntry("url", "http://127.0.0.1:18080/health")
                .containsEntry("measure", "status")
                .containsEntry("timeout", "3s");
        assertThat(health.expect()).isEqualTo(new Tolerance.Exact(200));
        assertThat(probe(e, "checkout-page-ok").expect()).isEqualTo(new Tolerance.Range(200, 202));
        Probe errors = probe(e, "order-error-ratio-zero");
        assertThat(errors.type()).isEqualTo("prometheus");
        assertThat(errors.params().values())
                .containsEntry("query", "sum(rate(shop_orders_failed_total[1m]))")
                .containsEntry("url", "http://127.0.0.1:9090");
        assertThat(errors.expect()).isEqualTo(new Tolerance.Exact(0));
        Probe worker = probe(e, "worker-alive");
        assertThat(worker.type()).isEqualTo("command");
        assertThat(Command.fromParams(worker.params()))
                .isEqualTo(new Command(List.of("pgrep", "-f", "shop-worker"), Duration.ofSeconds(5), null, Map.of()));
        assertThat(worker.expect()).isEqualTo(new Tolerance.Exact(0));
        assertThat(probe(e, "queue-depth-small").expect()).isEqualTo(new Tolerance.Range(0, 50));

        MethodStep.FaultStep slow = (MethodStep.FaultStep) e.method().getFirst();
        assertThat(slow.backend()).isEqualTo("toxiproxy");
        assertThat(slow.target().label()).isEqualTo("proxy/payments");
        assertThat(slow.fault()).isEqualTo(new ProxyFault.Latency(Duration.ofMillis(300), Duration.ofMillis(50), 0));
        assertThat(slow.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(e.method().get(1)).isInstanceOf(MethodStep.WaitStep.class);
        assertThat(e.method().get(1).plannedLength()).isEqualTo(Duration.ofSeconds(5));
        CommandStep orders = (CommandStep) step(e, "orders-after");
        assertThat(orders.command().argv()).contains("curl", "Authorization: Bearer ${api_token}");
        CommandStep ref = (CommandStep) step(e, "worker-alive");
        assertThat(ref.command().argv()).containsExactly("pgrep", "-f", "shop-worker");

        assertThat(e.rollbacks()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("restart-worker");
            assertThat(r.command()).isEqualTo("systemctl restart shop-worker");
            assertThat(r.timeout()).isEqualTo(Duration.ofSeconds(30));
        });
        assertThat(notes(i))
                .anyMatch(n -> n.startsWith("control tracing: left out"))
                .anyMatch(n -> n.startsWith("contributions: left out (reliability high, performance medium)"))
                .anyMatch(n -> n.contains("uses the secret 'api_token'"))
                .anyMatch(n ->
                        n.startsWith("configuration payment_proxy: read from the environment variable PAYMENT_PROXY"))
                .anyMatch(n -> n.startsWith("action remove-slow-payments: Faultline reverts the fault itself"))
                .anyMatch(n -> n.startsWith("rollback remove-toxic-if-left: Faultline reverts every fault itself"))
                .anyMatch(n -> n.startsWith("probe queue-depth-small: had no timeout"));
    }

    @Test
    void aYamlKubernetesExperimentWithEveryToleranceFormAndABackgroundActivity() throws Exception {
        Imported i = importer.read(file("pods-and-mesh.yaml"));
        Experiment e = i.experiments().getFirst();

        assertThat(probe(e, "shop-health").expect()).isEqualTo(new Tolerance.Range(200, 204));
        Probe pods = probe(e, "all-payment-pods-running");
        assertThat(pods.type()).isEqualTo("command");
        List<String> argv = Command.fromParams(pods.params()).argv();
        assertThat(argv.getFirst()).isEqualTo("python3");
        assertThat(argv.getLast())
                .contains("\"module\":\"chaosk8s.pod.probes\"")
                .contains("\"ns\":\"shop\"")
                .contains("\"tolerance\":true");
        Probe banner = probe(e, "version-banner");
        assertThat(Command.fromParams(banner.params()).argv())
                .startsWith("sh", "-c")
                .contains("v[0-9]+\\.[0-9]+", "curl -s http://shop.example:8080/version");
        assertThat(probe(e, "orders-json-has-items").expect()).isEqualTo(ExperimentImport.ANY);
        assertThat(probe(e, "latency-under-budget").expect()).isEqualTo(ExperimentImport.ANY);

        CommandStep load = (CommandStep) step(e, "load");
        assertThat(load.lane()).isEqualTo(1);
        assertThat(load.explicitStart()).hasValue(Duration.ZERO);
        assertThat(load.command().timeout()).isEqualTo(Duration.ofSeconds(70));
        MethodStep.FaultStep kill = (MethodStep.FaultStep) step(e, "kill-payment-pod");
        assertThat(kill.backend()).isEqualTo("chaos-mesh");
        assertThat(kill.fault()).isEqualTo(new PodFault.PodKill(Duration.ofSeconds(5)));
        assertThat(kill.target().selector().values())
                .containsEntry("namespace", "shop")
                .containsEntry("labels", "app=payment")
                .containsEntry("count", "1");
        assertThat(kill.duration()).isEqualTo(Duration.ofSeconds(15));
        assertThat(e.method().indexOf(kill)).isGreaterThan(0);
        assertThat(e.method().get(e.method().indexOf(kill) - 1).plannedLength()).isEqualTo(Duration.ofSeconds(5));
        MethodStep.FaultStep delay = (MethodStep.FaultStep) step(e, "delay-payment-network");
        assertThat(delay.fault()).isEqualTo(new ProxyFault.Latency(Duration.ofMillis(200), Duration.ofMillis(20), 0));
        assertThat(delay.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(step(e, "scale-up")).isInstanceOf(CommandStep.class);
        assertThat(e.rollbacks())
                .extracting(r -> r.command())
                .containsExactly("kubectl scale deployment/payment --replicas=2 -n shop");

        assertThat(notes(i))
                .anyMatch(n ->
                        n.startsWith("probe shop-health: tolerance [200,204] (one of these) became the range 200..204"))
                .anyMatch(
                        n -> n.startsWith(
                                "probe orders-json-has-items: tolerance (jsonpath $.items[*] count 3) has no Faultline equivalent"))
                .anyMatch(n -> n.startsWith("probe latency-under-budget: its probe tolerance cannot be judged"))
                .anyMatch(n -> n.startsWith(
                        "probe all-payment-pods-running: python provider chaosk8s.pod.probes.pods_in_phase"))
                .anyMatch(n ->
                        n.startsWith("action scale-up: python provider chaosk8s.deployment.actions.scale_deployment"))
                .anyMatch(n -> n.startsWith(
                        "configuration base: read from the environment variable SHOP_BASE_URL, which is not set"))
                .anyMatch(n -> n.startsWith("control log-everything: left out"));
    }

    @Test
    void everyImportedExperimentIsWrittenAsARunbookThatLoads() throws Exception {
        RunbookLoader loader = new RunbookLoader();
        for (String name : List.of("shop-latency.json", "pods-and-mesh.yaml", "no-hypothesis.yaml")) {
            Experiment e = importer.read(file(name)).experiments().getFirst();
            String yaml = new RunbookWriter().toYaml(e);
            assertThat(loader.parse(yaml, name + ".yaml").experiment()).as(name).isEqualTo(e);
        }
    }

    @Test
    void anExperimentWithoutAHypothesisGetsAProbeToReplaceAndSaysSo() throws Exception {
        Imported i = importer.read(file("no-hypothesis.yaml"));
        assertThat(i.experiments().getFirst().hypothesis().probes())
                .extracting(Probe::name)
                .containsExactly("answers");
        assertThat(notes(i)).anyMatch(n -> n.startsWith("steady-state-hypothesis: missing"));
    }

    @Test
    void runtimeStrategiesInTheFileAreNotedNotDroppedSilently() throws Exception {
        Imported i = importer.read(file("runtime-strategies.yaml"));
        assertThat(notes(i))
                .anySatisfy(n -> assertThat(n)
                        .startsWith("runtime.hypothesis: left out (strategy continuously, frequency 2, fail_fast true)")
                        .contains("stop conditions"))
                .anySatisfy(n -> assertThat(n)
                        .startsWith("runtime.rollbacks: left out (strategy always)")
                        .contains("always runs its rollbacks"));
        Experiment e = i.experiments().getFirst();
        assertThat(e.hypothesis().probes()).extracting(Probe::name).containsExactly("catalogue-answers");
        assertThat(e.method()).extracting(MethodStep::name).startsWith("restart-cache");
    }

    @Test
    void extensionsOfOtherToolsAreNotedNotDroppedSilently() throws Exception {
        Imported i = importer.read(file("other-extensions.yaml"));
        assertThat(notes(i))
                .contains("extension dashboard: left out (experiment_id, org): Faultline keeps only its own"
                        + " extension (faultline); keep these in the source file if another tool reads them")
                .contains("extension ownership: left out (team, pager): Faultline keeps only its own"
                        + " extension (faultline); keep these in the source file if another tool reads them");
        assertThat(i.experiments().getFirst().title())
                .isEqualTo("Search keeps answering while its index node restarts");
    }

    @Test
    void filesFromBeforeOneDotZeroAreRefusedAtTheirLine() throws Exception {
        assertThatThrownBy(() -> importer.read(file("before-1.0.json")))
                .isInstanceOfSatisfying(ImportException.class, x -> {
                    assertThat(x.line()).isEqualTo(16);
                    assertThat(x.field()).isEqualTo("method[0].action");
                    assertThat(x.getMessage())
                            .startsWith(
                                    "before-1.0.json:16: method[0].action: looks like Chaos Toolkit but is written in the format from before Chaos Toolkit 1.0");
                });
    }

    @Test
    void mistakesAreLocatedByFileLineAndField() {
        assertThat(
                        problem(
                                "title: t\ndescription: d\nmethod:\n  - type: action\n    name: a\n    provider:\n      type: ruby\n"))
                .isEqualTo(
                        "e.yaml:7: method[0].provider.type: looks like Chaos Toolkit but unknown provider type 'ruby' (http, process or python)");
        assertThat(problem("title: t\ndescription: d\nmethod:\n  - ref: nowhere\n"))
                .isEqualTo(
                        "e.yaml:4: method[0].ref: looks like Chaos Toolkit but referenced activity 'nowhere' is not in the experiment");
        assertThat(problem("title: t\nmethod: []\n"))
                .isEqualTo(
                        "e.yaml:1: description: looks like Chaos Toolkit but is missing; Chaos Toolkit requires a description");
        assertThat(
                        problem(
                                "title: t\ndescription: d\nsteady-state-hypothesis:\n  title: h\n  probes:\n    - type: probe\n      name: p\n      provider: {type: http, url: 'http://x'}\n      tolerance: {type: range, range: [1]}\nmethod: []\n"))
                .isEqualTo(
                        "e.yaml:9: steady-state-hypothesis.probes[0].tolerance.range: looks like Chaos Toolkit but a range tolerance needs two numbers, e.g. [0, 5]");
        assertThat(
                        problem(
                                "title: t\ndescription: d\nmethod:\n  - type: action\n    name: a\n    provider: {type: process, path: x}\n    pauses: {after: soon}\n"))
                .isEqualTo(
                        "e.yaml:7: method[0].pauses.after: looks like Chaos Toolkit but a pause must be a number of seconds or ${name} of one, not 'soon'");
        assertThat(problem("title: t\ndescription: d\nmethod: [\n  {type: action,\n"))
                .startsWith("e.yaml:4: looks like Chaos Toolkit but is not valid YAML");
    }

    @Test
    void anExperimentThatIsNotValidJsonOrYamlIsRecognisedSoItIsRefusedAtItsLine() throws Exception {
        ForeignFile yaml =
                new ForeignFile(Path.of("e.yaml"), "title: t\ndescription: d\nmethod: [\n  {type: action,\n");
        assertThat(importer.recognise(yaml)).hasValue("a Chaos Toolkit experiment in YAML");
        ForeignFile json = new ForeignFile(
                Path.of("e.json"),
                "{\"title\": \"t\", \"description\": \"d\",\n \"method\": [\n  {\"type\": \"action\" \"name\": \"a\"}\n]}\n");
        assertThat(importer.recognise(json)).hasValue("a Chaos Toolkit experiment in JSON");
        assertThatThrownBy(() -> importer.read(json)).isInstanceOfSatisfying(ImportException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).startsWith("e.json:3: looks like Chaos Toolkit but is not valid JSON");
        });
        // broken text of another kind is still not claimed
        assertThat(importer.recognise(new ForeignFile(Path.of("x.yaml"), "title: t\nitems: [\n")))
                .isEmpty();
        assertThat(importer.recognise(new ForeignFile(Path.of("x.yaml"), "apiVersion: v1\ntitle: t\nmethod: [\n")))
                .isEmpty();
    }

    private String problem(String text) {
        try {
            importer.read(new ForeignFile(Path.of("e.yaml"), text));
        } catch (ImportException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an ImportException");
    }
}
