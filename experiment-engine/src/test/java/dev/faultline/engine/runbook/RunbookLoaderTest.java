package dev.faultline.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.model.Tolerance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunbookLoaderTest {
    static final String GOOD = """
            apiVersion: faultline.dev/v1
            kind: Experiment
            metadata:
              name: payment-latency
              title: Slow payments
              labels: {team: shop}
            spec:
              environment: sandbox
              timing: {warmup: 2s, probeInterval: 500ms, baselineSamples: 2, recoveryWindow: 3s, verificationSamples: 2}
              hypothesis:
                probes:
                  - name: success
                    expect: ">= 95%"
                    metrics:
                      url: http://127.0.0.1:18080/metrics
                      ratio: {of: 'orders_total{outcome="ok"}', to: orders_total}
                  - name: health
                    expect: "200ms ± 100ms"
                    during: false
                    http: {url: http://127.0.0.1:18080/health, timeout: 2s}
              method:
                - name: slow
                  at: 1s
                  duration: 10s
                  target: {proxy: payments}
                  share: 50%
                  fault: {type: latency, latency: 300ms, jitter: 50ms}
                - name: settle
                  wait: 5s
                - name: freeze
                  lane: 1
                  duration: 3s
                  target:
                    process: {name: sandbox-payment}
                  fault: {type: process-pause}
                - name: back
                  waitUntil: {probe: success, timeout: 30s}
              blastRadius: {targets: [proxy/payments, process/sandbox-payment], maxShare: 100%, maxDuration: 2m, maxTargets: 2}
              rollbacks:
                - name: restart-payment
                  run: systemctl restart payment
                  timeout: 20s
              stopConditions:
                - name: failing
                  probe: success
                  haltWhen: "< 50%"
                  for: 2
            """;

    private final RunbookLoader loader = new RunbookLoader();

    private List<RunbookProblem> problems(String text) {
        try {
            loader.parse(text, "t.yaml");
        } catch (RunbookException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems");
    }

    @Test
    void aGoodRunbookLoadsIntoTheModel() throws Exception {
        LoadedRunbook r = loader.parse(GOOD, "good.yaml");
        Experiment e = r.experiment();
        assertThat(e.name()).isEqualTo("payment-latency");
        assertThat(e.labels()).containsEntry("team", "shop");
        assertThat(e.timing().probeInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(e.hypothesis().probes()).hasSize(2);
        assertThat(e.hypothesis().probes().get(0).params().values())
                .containsEntry("ratio.of", "orders_total{outcome=\"ok\"}");
        assertThat(e.hypothesis().probes().get(0).expect()).isEqualTo(new Tolerance.Threshold(Tolerance.Op.GE, 0.95));
        assertThat(e.hypothesis().probes().get(1).expect()).isEqualTo(new Tolerance.Near(200, 100));
        assertThat(e.hypothesis().probes().get(1).checkedDuring()).isFalse();
        MethodStep.FaultStep slow = (MethodStep.FaultStep) e.method().get(0);
        assertThat(slow.fault()).isEqualTo(new ProxyFault.Latency(Duration.ofMillis(300), Duration.ofMillis(50)));
        assertThat(slow.share()).isEqualTo(0.5);
        assertThat(slow.backend()).isEqualTo("local");
        assertThat(slow.explicitStart()).contains(Duration.ofSeconds(1));
        assertThat(slow.target().label()).isEqualTo("proxy/payments");
        assertThat(((MethodStep.FaultStep) e.method().get(2)).target().label()).isEqualTo("process/sandbox-payment");
        assertThat(e.method().get(3)).isInstanceOf(MethodStep.WaitUntilStep.class);
        assertThat(e.stopConditions()).singleElement().satisfies(s -> {
            assertThat(s.probe().name()).isEqualTo("success");
            assertThat(s.consecutive()).isEqualTo(2);
        });
        assertThat(e.rollbacks()).singleElement().satisfies(b -> {
            assertThat(b.command()).isEqualTo("systemctl restart payment");
            assertThat(b.timeout()).isEqualTo(Duration.ofSeconds(20));
        });
        assertThat(r.sha256()).hasSize(64);
    }

    @Test
    void aBadDurationNamesFileLineColumnAndFieldInPlainWords() {
        List<RunbookProblem> p = problems(GOOD.replace("wait: 5s", "wait: 10 sekunds"));
        assertThat(p)
                .singleElement()
                .hasToString("t.yaml:29:13: spec.method[1].wait: '10 sekunds' is not a duration, e.g. 30s or 2m");
    }

    @Test
    void unknownFieldsAreErrorsWithASuggestion() {
        List<RunbookProblem> p = problems(GOOD.replace("      duration: 10s", "      durration: 10s"));
        assertThat(p)
                .extracting(RunbookProblem::toString)
                .contains(
                        "t.yaml:24:7: spec.method[0].durration: unknown field 'durration' (did you mean 'duration'?)");
    }

    @Test
    void aRolloutOnTheExperimentSaysItBelongsOnAFaultStep() {
        List<RunbookProblem> p = problems(GOOD.replace(
                "  environment: sandbox\n", "  environment: sandbox\n  rollout: {stages: [10%, 50%], hold: 5s}\n"));
        assertThat(p)
                .extracting(RunbookProblem::toString)
                .contains("t.yaml:9:3: spec.rollout: unknown field 'rollout' (a rollout sits on a fault step, next to"
                        + " the share it replaces: move it under the step in spec.method whose fault it rolls out)");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        String broken = GOOD.replace("expect: \">= 95%\"", "expect: \"about 95\"")
                .replace("jitter: 50ms", "jitter: fast")
                .replace("probe: success\n      haltWhen", "probe: sucess\n      haltWhen");
        List<RunbookProblem> p = problems(broken);
        assertThat(p)
                .extracting(RunbookProblem::field)
                .contains(
                        "spec.hypothesis.probes[0].expect",
                        "spec.method[0].fault.jitter",
                        "spec.stopConditions[0].probe");
        assertThat(p).allMatch(x -> x.line() > 0 && x.column() > 0);
    }

    @Test
    void wrongTypesAndMissingFieldsAreWorded() {
        List<RunbookProblem> p = problems(GOOD.replace("lane: 1", "lane: one").replace("  environment: sandbox\n", ""));
        assertThat(p)
                .extracting(RunbookProblem::message)
                .contains("must be a whole number, not 'one'", "missing required field 'environment'");
    }

    @Test
    void aFaultOutlastingTheBlastRadiusIsAnError() {
        List<RunbookProblem> p = problems(GOOD.replace("maxDuration: 2m", "maxDuration: 5s"));
        assertThat(p)
                .extracting(RunbookProblem::toString)
                .anyMatch(
                        s -> s.contains("spec.method[0].duration: ends at 11s, beyond the blast radius maximum of 5s"));
    }

    @Test
    void duplicateKeysAndNamesAreErrors() {
        assertThat(problems(GOOD.replace("  title: Slow payments\n", "  title: Slow payments\n  title: again\n")))
                .extracting(RunbookProblem::message)
                .anyMatch(m -> m.startsWith("appears twice"));
        assertThat(problems(GOOD.replace("name: settle", "name: slow")))
                .extracting(RunbookProblem::message)
                .contains("another step is already named 'slow'");
    }

    @Test
    void malformedYamlIsALocatedProblemNotAnException() {
        assertThat(problems("apiVersion: faultline.dev/v1\nkind: [Experiment\n"))
                .singleElement()
                .satisfies(x -> assertThat(x.message()).startsWith("not valid YAML"));
        assertThat(problems(""))
                .singleElement()
                .satisfies(x -> assertThat(x.message()).contains("empty"));
        assertThat(problems("- a\n- b\n"))
                .singleElement()
                .satisfies(x -> assertThat(x.message()).contains("mapping"));
        assertThat(problems(GOOD + "---\n" + GOOD))
                .extracting(RunbookProblem::message)
                .anyMatch(m -> m.contains("more than one"));
    }

    @Test
    void aFileThatCannotBeReadIsAProblemToo() throws Exception {
        Path dir = Files.createTempDirectory("rb");
        assertThatThrownBy(() -> loader.load(dir.resolve("missing.yaml")))
                .isInstanceOf(RunbookException.class)
                .hasMessageContaining("missing.yaml: cannot read the file");
        Path binary = dir.resolve("bin.yaml");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertThatThrownBy(() -> loader.load(binary))
                .isInstanceOf(RunbookException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void aStopConditionCanDeclareThatItsHaltIsTheExpectedOutcome() throws Exception {
        assertThat(loader.parse(GOOD, "good.yaml")
                        .experiment()
                        .stopConditions()
                        .get(0)
                        .haltExpected())
                .isFalse();
        String expected = GOOD.replace("      for: 2\n", "      for: 2\n      haltExpected: true\n");
        assertThat(loader.parse(expected, "expected.yaml")
                        .experiment()
                        .stopConditions()
                        .get(0)
                        .haltExpected())
                .isTrue();
        assertThat(problems(GOOD.replace("      for: 2\n", "      for: 2\n      haltExpected: sometimes\n")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.line()).isEqualTo(48);
                    assertThat(p.toString()).contains("haltExpected");
                });
        assertThat(loader.load(Path.of("../runbooks/sandbox/payment-outage-halts.yaml"))
                        .experiment()
                        .stopConditions())
                .singleElement()
                .satisfies(c -> assertThat(c.haltExpected()).isTrue());
    }

    @Test
    void theShippedSandboxRunbooksAreValid() throws Exception {
        try (var files = Files.list(Path.of("../runbooks/sandbox"))) {
            List<Path> runbooks =
                    files.filter(f -> f.toString().endsWith(".yaml")).toList();
            assertThat(runbooks).hasSizeGreaterThanOrEqualTo(4);
            for (Path f : runbooks) {
                if (loader.kindOf(f).equals("GameDay")) {
                    assertThat(loader.loadGameDay(f).gameDay().environment()).isEqualTo("sandbox");
                    continue;
                }
                assertThat(loader.load(f).experiment().environment()).isEqualTo("sandbox");
            }
        }
    }

    @Test
    void thePublishedSchemaIsTheOneTheLoaderUses() throws Exception {
        String published = Files.readString(Path.of("../docs/runbook.schema.json"));
        String used = new String(
                RunbookLoader.class.getResourceAsStream(SchemaCheck.RESOURCE).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(published).isEqualTo(used);
    }

    @Test
    void everyNetworkFaultTypeReadsWithItsAttributes() throws Exception {
        String base = GOOD.replace("fault: {type: latency, latency: 300ms, jitter: 50ms}", "fault: FAULT");
        assertThat(fault(base, "{type: bandwidth, rate: 64}")).isEqualTo(new ProxyFault.Bandwidth(64));
        assertThat(fault(base, "{type: slow-close, delay: 2s}"))
                .isEqualTo(new ProxyFault.SlowClose(Duration.ofSeconds(2)));
        assertThat(fault(base, "{type: timeout}")).isEqualTo(new ProxyFault.ConnectionTimeout(Duration.ZERO));
        assertThat(fault(base, "{type: reset-peer, after: 100ms}"))
                .isEqualTo(new ProxyFault.ResetPeer(Duration.ofMillis(100)));
        assertThat(fault(base, "{type: slicer, averageSize: 100, sizeVariation: 10, delay: 5ms}"))
                .isEqualTo(new ProxyFault.Slicer(100, 10, Duration.ofMillis(5)));
        assertThat(fault(base, "{type: limit-data, bytes: 1024}")).isEqualTo(new ProxyFault.LimitData(1024));
        String onHttp = base.replace("target: {proxy: payments}", "target: {httpProxy: payments}")
                .replace("targets: [proxy/payments, process/sandbox-payment]", "targets: []");
        assertThat(fault(onHttp, "{type: http, method: POST, path: '/pay*', abort: 503}"))
                .isEqualTo(new HttpFault(
                        "POST", "/pay*", java.util.Map.of(), 503, Duration.ZERO, false, "", false, java.util.Map.of()));
        assertThat(fault(onHttp, "{type: http, delay: 2s, addHeaders: {X-Chaos: 'yes'}}"))
                .isEqualTo(new HttpFault(
                        "",
                        "/**",
                        java.util.Map.of(),
                        0,
                        Duration.ofSeconds(2),
                        false,
                        "",
                        false,
                        java.util.Map.of("X-Chaos", "yes")));
        assertThat(problems(onHttp.replace("FAULT", "{type: http, path: /x}")))
                .extracting(RunbookProblem::message)
                .anyMatch(m -> m.contains("an http fault needs an action"));
        String onHost = base.replace("target: {proxy: payments}", "target: {host: local}")
                .replace("targets: [proxy/payments, process/sandbox-payment]", "targets: []");
        assertThat(fault(onHost, "{type: cpu-stress, workers: 2, load: 80%}"))
                .isEqualTo(new StressFault.CpuStress(2, 80));
        assertThat(fault(onHost, "{type: memory-stress, size: 256MB}"))
                .isEqualTo(new StressFault.MemoryStress(256_000_000));
        assertThat(fault(onHost, "{type: disk-stress, size: 1GiB}")).isEqualTo(new StressFault.DiskStress(1L << 30));
        assertThat(fault(onHost, "{type: memory-stress, size: 512MB, growth: 64MB/s}"))
                .isEqualTo(new StressFault.MemoryStress(512_000_000, 64_000_000));
        assertThat(fault(onHost, "{type: disk-stress, size: 100MB, io: read, throughput: 20MB/s, path: /var/tmp}"))
                .isEqualTo(new StressFault.DiskStress(100_000_000, StressFault.DiskIo.READ, 20_000_000, "/var/tmp"));
        assertThat(fault(onHost, "{type: disk-stress, size: 2GB, io: fill}"))
                .isEqualTo(new StressFault.DiskStress(2_000_000_000, StressFault.DiskIo.FILL, 0, ""));
        assertThat(problems(onHost.replace("FAULT", "{type: memory-stress, size: 1GB, growth: fast}")))
                .extracting(RunbookProblem::message)
                .contains("'fast' is not a rate, e.g. 64MB/s");
        assertThat(problems(onHost.replace("FAULT", "{type: disk-stress, size: 1GB, io: append}")))
                .extracting(RunbookProblem::message)
                .anyMatch(m -> m.contains("append"));
        assertThat(problems(onHost.replace("FAULT", "{type: disk-stress, size: 1GB, throughput: 10KB/s}")))
                .extracting(RunbookProblem::message)
                .anyMatch(m -> m.contains("the throughput must be at least 100KB/s"));
        assertThat(problems(onHost.replace("FAULT", "{type: memory-stress, size: lots}")))
                .extracting(RunbookProblem::message)
                .contains("'lots' is not a size, e.g. 256MB or 1GiB");
        assertThat(problems(base.replace("FAULT", "{type: bandwidth}")))
                .extracting(RunbookProblem::message)
                .contains("a bandwidth fault needs 'rate'");
        assertThat(problems(base.replace("FAULT", "{type: limit-data, bytes: 10, rate: 5}")))
                .extracting(RunbookProblem::message)
                .contains("'rate' does not apply to a limit-data fault (it takes bytes)");
    }

    private Fault fault(String base, String fault) throws Exception {
        return ((MethodStep.FaultStep) loader.parse(base.replace("FAULT", fault), "t.yaml")
                        .experiment()
                        .method()
                        .get(0))
                .fault();
    }
}
