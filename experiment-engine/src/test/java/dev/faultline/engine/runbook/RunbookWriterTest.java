package dev.faultline.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Experiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunbookWriterTest {
    private final RunbookLoader loader = new RunbookLoader();
    private final RunbookWriter writer = new RunbookWriter();

    private void roundTrips(Experiment e) throws Exception {
        String yaml = writer.toYaml(e);
        assertThat(loader.parse(yaml, "written.yaml").experiment()).as(yaml).isEqualTo(e);
    }

    @Test
    void whatItWritesLoadsBackToTheSameExperiment() throws Exception {
        roundTrips(loader.parse(RunbookLoaderTest.GOOD, "good.yaml").experiment());
        try (var files = Files.list(Path.of("../runbooks/sandbox"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                if (loader.kindOf(f).equals("GameDay")) {
                    continue; // GameDayRunbookTest round-trips the shipped GameDay
                }
                roundTrips(loader.load(f).experiment());
            }
        }
    }

    @Test
    void anExpectedHaltIsWrittenAndOnlyWhenSet() throws Exception {
        Experiment plain = loader.parse(RunbookLoaderTest.GOOD, "good.yaml").experiment();
        assertThat(writer.toYaml(plain)).doesNotContain("haltExpected");
        Experiment expected = loader.parse(
                        RunbookLoaderTest.GOOD.replace("      for: 2\n", "      for: 2\n      haltExpected: true\n"),
                        "expected.yaml")
                .experiment();
        assertThat(writer.toYaml(expected)).contains("haltExpected: true");
        roundTrips(expected);
    }

    @Test
    void everyFaultTypeRoundTrips() throws Exception {
        String base =
                RunbookLoaderTest.GOOD.replace("targets: [proxy/payments, process/sandbox-payment]", "targets: []");
        for (String[] f : List.of(
                new String[] {"{proxy: payments}", "{type: bandwidth, rate: 64}"},
                new String[] {"{proxy: payments}", "{type: slow-close, delay: 2s}"},
                new String[] {"{proxy: payments}", "{type: timeout, after: 1s}"},
                new String[] {"{proxy: payments}", "{type: reset-peer}"},
                new String[] {"{proxy: payments}", "{type: slicer, averageSize: 100, sizeVariation: 10, delay: 5ms}"},
                new String[] {"{proxy: payments}", "{type: limit-data, bytes: 1024}"},
                new String[] {"{proxy: payments}", "{type: down}"},
                new String[] {
                    "{httpProxy: payments}",
                    "{type: http, method: POST, path: '/pay*', headers: {X-A: b},"
                            + " abort: 503, addHeaders: {X-Chaos: 'yes'}}"
                },
                new String[] {
                    "{httpProxy: payments}",
                    "{type: http, headers: {X-Attempt: '2'}, delay: 100ms, addHeaders: {Retry-After: '30'}}"
                },
                new String[] {"{host: local}", "{type: cpu-stress, workers: 2, load: 80%}"},
                new String[] {"{host: local}", "{type: memory-stress, size: 64MB}"},
                new String[] {"{host: local}", "{type: disk-stress, size: 1GiB}"},
                new String[] {"{host: local}", "{type: memory-stress, size: 1GB, growth: 32MB/s}"},
                new String[] {
                    "{host: local}", "{type: disk-stress, size: 50MB, io: read, throughput: 1500KB/s, path: /var/tmp}"
                },
                new String[] {"{host: local}", "{type: disk-stress, size: 2GB, io: fill}"},
                new String[] {"{process: {pid: 42}}", "{type: process-kill, signal: TERM, restart: 'systemctl start x'}"
                },
                new String[] {"{process: {name: x}}", "{type: process-restart}"})) {
            roundTrips(loader.parse(
                            base.replace("target: {proxy: payments}", "target: " + f[0])
                                    .replace("fault: {type: latency, latency: 300ms, jitter: 50ms}", "fault: " + f[1]),
                            "t.yaml")
                    .experiment());
        }
    }
}
