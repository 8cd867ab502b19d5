package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline import} and {@code faultline export} through the real command line. */
@ForkSandbox.Indifferent
class ImportExportCliIT {
    private static final String NL = System.lineSeparator();

    private static final String EXPERIMENT = """
            title: Orders survive a slow payment proxy
            description: Adds latency through Toxiproxy.
            configuration:
              proxy: payments
            steady-state-hypothesis:
              title: Orders answer
              probes:
                - type: probe
                  name: orders-answer
                  tolerance: 200
                  provider: {type: http, url: "http://127.0.0.1:18080/health", timeout: 2}
            method:
              - type: action
                name: slow-payments
                provider:
                  type: python
                  module: chaostoxi.toxic.actions
                  func: create_latency_toxic
                  arguments: {for_proxy: "${proxy}", toxic_name: slow, latency: 150}
                pauses: {after: 10}
              - type: action
                name: warm-cache
                provider: {type: process, path: "true", timeout: 5}
            rollbacks:
              - type: action
                name: restart
                provider: {type: process, path: systemctl, arguments: [restart, shop]}
            controls:
              - name: tracing
                provider: {type: python, module: chaostracing.control}
            """;

    @TempDir
    Path dir;

    private Cli cli(String... args) {
        return Cli.run(dir.resolve("home"), args);
    }

    @Test
    void aChaosToolkitExperimentImportsAsARunbookThatValidatesWithItsNotesOnStandardError() throws Exception {
        Path source = Files.writeString(dir.resolve("slow.yaml"), EXPERIMENT);
        Path out = dir.resolve("runbooks");

        Cli imported = cli("import", source.toString(), "-o", out.toString());

        assertThat(imported.exit()).as(imported.err()).isEqualTo(0);
        Path runbook = out.resolve("orders-survive-a-slow-payment-proxy.yaml");
        assertThat(imported.out())
                .isEqualTo("imported " + source + " (a Chaos Toolkit experiment in YAML) -> " + runbook
                        + " (1 probe(s), 2 step(s), 1 rollback(s))" + NL);
        assertThat(imported.err())
                .contains("note: " + source + ": control tracing: left out")
                .contains("note: " + source + ": action warm-cache: runs as a command step")
                .contains("note: " + source + ": rollback restart: had no timeout");
        assertThat(Files.readString(runbook))
                .contains("title: Orders survive a slow payment proxy")
                .contains("backend: toxiproxy")
                .contains("target:\n        proxy: payments")
                .contains("run: systemctl restart shop");
        Cli validate = cli("validate", runbook.toString());
        assertThat(validate.exit()).as(validate.err()).isEqualTo(0);

        Cli again = cli("import", source.toString(), "-o", out.toString());
        assertThat(again.exit()).isEqualTo(3);
        assertThat(again.err())
                .contains(runbook
                        + ": could not be written: it already exists; give another -o, or --force to overwrite it");
        assertThat(cli("import", source.toString(), "-o", out.toString(), "--force")
                        .exit())
                .isEqualTo(0);
    }

    @Test
    void whatIsNotASupportedFormatOrIsInvalidExitsTwoSayingWhichFormatAndWhere() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mixed"));
        Files.writeString(folder.resolve("a-notes.yaml"), "shopping: [milk, eggs]\n");
        Files.writeString(folder.resolve("b-old.json"), """
                {"title": "old", "description": "d",
                 "method": [{"title": "step", "action": {"title": "kill", "layer": "k8s", "type": "python"}}]}
                """);
        Files.writeString(folder.resolve("c-good.yaml"), EXPERIMENT);

        Cli r = cli("import", folder.toString(), "-o", dir.resolve("out").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains(folder.resolve("a-notes.yaml") + ": not a format Faultline imports (it reads ")
                .contains(
                        folder.resolve("b-old.json")
                                + ":2: method[0].action: looks like Chaos Toolkit but is written in the format from before Chaos Toolkit 1.0");
        assertThat(r.out()).contains("imported " + folder.resolve("c-good.yaml"));
        assertThat(dir.resolve("out/orders-survive-a-slow-payment-proxy.yaml")).exists();
    }

    @Test
    void aLitmusEngineImportedWithItsChaosExperimentTakesItsDefaultsAndSaysWhereEachValueCameFrom() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("litmus"));
        Path engine = Files.writeString(folder.resolve("engine.yaml"), """
                apiVersion: litmuschaos.io/v1alpha1
                kind: ChaosEngine
                metadata: {name: search-latency}
                spec:
                  appinfo: {appns: search, applabel: app=search}
                  experiments:
                    - name: pod-network-latency
                      spec:
                        components:
                          env:
                            - {name: TOTAL_CHAOS_DURATION, value: "45"}
                """);
        Files.writeString(folder.resolve("experiment.yaml"), """
                apiVersion: litmuschaos.io/v1alpha1
                kind: ChaosExperiment
                metadata: {name: pod-network-latency}
                spec:
                  definition:
                    env:
                      - {name: NETWORK_LATENCY, value: "300"}
                      - {name: TOTAL_CHAOS_DURATION, value: "60"}
                """);
        Path out = dir.resolve("runbooks");

        Cli folderImport = cli("import", folder.toString(), "-o", out.toString());

        assertThat(folderImport.exit()).as(folderImport.err()).isEqualTo(0);
        assertThat(Files.readString(out.resolve("search-latency.yaml")))
                .containsPattern("latency: 300ms\\b")
                .containsPattern("duration: 45s\\b");
        assertThat(folderImport.err())
                .contains("note: " + engine + ": ChaosEngine search-latency experiment pod-network-latency env: from"
                        + " the engine: TOTAL_CHAOS_DURATION=45; from the defaults of ChaosExperiment"
                        + " pod-network-latency (" + folder.resolve("experiment.yaml") + "): NETWORK_LATENCY=300");

        Cli alone = cli("import", engine.toString(), "-o", dir.resolve("alone").toString());
        assertThat(alone.exit()).as(alone.err()).isEqualTo(0);
        assertThat(Files.readString(dir.resolve("alone/search-latency.yaml"))).containsPattern("latency: 2s\\b");
        assertThat(alone.err())
                .contains("no ChaosExperiment pod-network-latency among the files imported, so the hub's defaults"
                        + " were assumed: NETWORK_LATENCY=2000, JITTER=0");
    }

    @Test
    void experimentsOfOneImportThatShareANameAreAllWrittenNoneReplacingAnother() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("engines"));
        for (String experiment : new String[] {"pod-delete", "pod-cpu-hog"}) {
            Files.writeString(folder.resolve(experiment + "-engine.yaml"), """
                    apiVersion: litmuschaos.io/v1alpha1
                    kind: ChaosEngine
                    metadata: {name: engine-nginx}
                    spec:
                      appinfo: {appns: default, applabel: app=nginx}
                      experiments:
                        - name: %s
                    """.formatted(experiment));
        }
        Path out = dir.resolve("runbooks");

        Cli imported = cli("import", folder.toString(), "-o", out.toString());

        assertThat(imported.exit()).as(imported.err()).isEqualTo(0);
        assertThat(Files.readString(out.resolve("engine-nginx.yaml"))).contains("name: engine-nginx\n");
        assertThat(Files.readString(out.resolve("engine-nginx-2.yaml")))
                .contains("name: engine-nginx-2\n")
                .contains("type: pod-kill");
        assertThat(imported.err())
                .contains("note: " + folder.resolve("pod-delete-engine.yaml") + ": experiment engine-nginx: written as"
                        + " engine-nginx-2: an experiment read earlier in this import has the same name");
        assertThat(cli("validate", out.resolve("engine-nginx-2.yaml").toString())
                        .exit())
                .isEqualTo(0);
    }

    @Test
    void anOutputThatCannotBeWrittenExitsThree() throws Exception {
        Path source = Files.writeString(dir.resolve("slow.yaml"), EXPERIMENT);
        Path blocker = Files.writeString(dir.resolve("a-file"), "x");

        Cli r = cli("import", source.toString(), "-o", blocker.resolve("sub").toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .contains(": could not be written: a file is in the way of the folder " + blocker.resolve("sub")
                        + "; choose another -o");
    }

    @Test
    void aShippedRunbookExportsToChaosToolkitAndImportsBackAsTheSameRunbook() throws Exception {
        Path shipped = Cli.repo().resolve("runbooks/toxiproxy/payment-latency-toxiproxy.yaml");
        Path json = dir.resolve("exported/latency.json");

        Cli exported = cli("export", shipped.toString(), "--to", "chaostoolkit", "-o", json.toString());

        assertThat(exported.exit()).as(exported.err()).isEqualTo(0);
        assertThat(exported.out()).isEqualTo("exported " + shipped + " (chaostoolkit) -> " + json + NL);
        assertThat(exported.err())
                .contains("note: " + shipped + ": stop condition orders-failing: kept in the faultline extension");
        assertThat(Files.readString(json)).contains("\"module\" : \"chaostoxi.toxic.actions\"");

        Path back = dir.resolve("back.yaml");
        Cli imported = cli("import", json.toString(), "-o", back.toString());
        assertThat(imported.exit()).as(imported.err()).isEqualTo(0);
        assertThat(cli("validate", back.toString()).exit()).isEqualTo(0);
        var loader = new dev.faultline.engine.runbook.RunbookLoader();
        assertThat(loader.load(back).experiment())
                .isEqualTo(loader.load(shipped).experiment());
    }

    @Test
    void exportRefusesAnUnknownFormatAndAnInvalidRunbook() throws Exception {
        Path shipped = Cli.repo().resolve("runbooks/toxiproxy/payment-latency-toxiproxy.yaml");
        Cli unknown = cli("export", shipped.toString(), "--to", "gremlin");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err())
                .startsWith("--to gremlin: not a format Faultline exports; it writes ")
                .contains("chaostoolkit");

        Path broken = Files.writeString(dir.resolve("broken.yaml"), "apiVersion: faultline.dev/v1\nkind: Experiment\n");
        Cli invalid = cli("export", broken.toString(), "--to", "chaostoolkit");
        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.err()).contains(broken.toString());
    }
}
