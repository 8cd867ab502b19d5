package dev.faultline.reports;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.report.JsonReport;
import dev.faultline.engine.report.MarkdownReport;
import dev.faultline.engine.report.Report;
import dev.faultline.engine.report.ReportAssembler;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.PendingResults;
import dev.faultline.engine.store.RunRecorder;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedProbes;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three recorded rollouts of a latency fault (100 ms, +400 ms for the whole of the traffic: 10%
 * reads 140, 50% 300, 100% 500), reported from the database in Markdown, HTML and PDF: one safe up
 * to 50% (p99 below 350), one that never held (below 120), one that held at every stage (below 1000).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolloutReportIT {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private Report safeUpTo50;
    private Report neverHeld;
    private Report heldAll;

    @BeforeAll
    void record() throws Exception {
        Path home = Files.createTempDirectory("faultline-rollout-report-it");
        SimulatedSystem system = new SimulatedSystem().metric("latency", 100).impact("proxy/payments", "latency", 400);
        SimulatedBackend backend = new SimulatedBackend(system);
        backend.shareInPlace(true);
        try (TestRig rig = new TestRig(
                        home, List.of(new SimulatedBackendProvider(backend)), List.of(new SimulatedProbes(system)));
                FaultlineStore store = FaultlineStore.open(home.resolve("db/faultline"))) {
            ReportAssembler reports = new ReportAssembler(store, Clock.systemUTC());
            safeUpTo50 = reports.assemble(run(rig, store, home, 350), ZONE);
            neverHeld = reports.assemble(run(rig, store, home, 120), ZONE);
            heldAll = reports.assemble(run(rig, store, home, 1000), ZONE);
        }
    }

    private static String run(TestRig rig, FaultlineStore store, Path home, double below) throws Exception {
        Experiment e = experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, below)))
                .step(MethodStep.FaultStep.rolledOut(
                        "slow-payments",
                        0,
                        null,
                        SimulatedBackend.ID,
                        new ProxyFault.Latency(Duration.ofMillis(300), Duration.ZERO),
                        new Target("proxy", Params.of("name", "payments")),
                        new Rollout(List.of(0.1, 0.5, 1.0), Duration.ofMillis(400), List.of())))
                .blastRadius(BlastRadius.UNLIMITED)
                .build();
        try (RunRecorder recorder = new RunRecorder(
                store,
                new PendingResults(home.resolve("pending")),
                e,
                "apiVersion: faultline.dev/v1\n",
                "d".repeat(64))) {
            RunResult r = rig.runner
                    .start(e, TestRig.environment(), List.of(recorder))
                    .result()
                    .get(30, TimeUnit.SECONDS);
            return r.runId();
        }
    }

    @Test
    void markdownSaysHowFarItWasSafeAndListsEachStage() {
        String md = new String(new MarkdownReport().render(safeUpTo50), StandardCharsets.UTF_8);
        assertThat(md)
                .contains("**Rollout of slow-payments**: Safe up to 50% of proxy/payments (latency 300ms on"
                        + " proxy/payments): it did not hold at 100% (stage 3 of 3).")
                .contains("| Stage | Share | From | To | Applied | Checked probes | Held |")
                .containsPattern("\\| 1 of 3 \\| 10% \\| \\d\\d:\\d\\d:\\d\\d \\| \\d\\d:\\d\\d:\\d\\d \\| injected \\|"
                        + " p99 mean 140, min 140 \\(\\d+ samples, 0 outside\\) \\| held \\|")
                .containsPattern("\\| 2 of 3 \\| 50% \\| .* \\| in place in \\d+ ms \\| p99 mean 300, .* \\| held \\|")
                .containsPattern("\\| 3 of 3 \\| 100% \\| .* \\| p99 mean 500, .* \\| did not hold: p99 \\d+ of \\d+"
                        + " samples outside &lt; 350 \\(min 500\\) \\|");
        assertThat(new String(new MarkdownReport().render(neverHeld), StandardCharsets.UTF_8))
                .contains("Never held: not safe even at 10% of proxy/payments (latency 300ms on proxy/payments),"
                        + " the first of 3 stages.")
                .contains("2 more stages were not reached.");
        assertThat(new String(new MarkdownReport().render(heldAll), StandardCharsets.UTF_8))
                .contains("Held at every stage: safe up to 100% of proxy/payments (latency 300ms on"
                        + " proxy/payments), all 3 stages.")
                .doesNotContain("did not hold");
    }

    @Test
    void htmlHasTheSentenceAndAStageTable() throws Exception {
        String html = new String(new HtmlReport().render(safeUpTo50), StandardCharsets.UTF_8);
        Files.createDirectories(Path.of("target/reports"));
        Files.writeString(Path.of("target/reports/rollout.html"), html);
        assertThat(html)
                .contains("<h4>Rollout of slow-payments</h4>")
                .contains("Safe up to 50% of proxy/payments (latency 300ms on proxy/payments): it did not hold"
                        + " at 100% (stage 3 of 3).")
                .contains("<th>Stage</th><th>Share</th>")
                .containsPattern("<td>3 of 3</td><td>100%</td>.*<td class=\"no\">did not hold: p99");
    }

    @Test
    void theChartsMarkWhereEachStageBegan() {
        String html = new String(new HtmlReport().render(safeUpTo50), StandardCharsets.UTF_8);
        assertThat(html)
                .containsPattern(">stage 1: 10%</text>")
                .containsPattern(">stage 2: 50%</text>")
                .containsPattern("fill: rgb\\(200,40,40\\);[^>]*>stage 3: 100%</text>")
                .contains("dashed: a rollout stage begins");
    }

    @Test
    void theJsonReportHasEachRolloutWithItsStagesAndTheLargestThatHeld() throws Exception {
        JsonNode root = JsonMapper.builder().build().readTree(new JsonReport().render(safeUpTo50));
        JsonNode o = root.path("experiments").get(0).path("rollouts").get(0);
        assertThat(o.path("step").asString()).isEqualTo("slow-payments");
        assertThat(o.path("stagesPlanned").asInt()).isEqualTo(3);
        assertThat(o.path("safeUpTo").asDouble()).isEqualTo(0.5);
        assertThat(o.path("safeUpToStage").asString()).isEqualTo("50%");
        assertThat(o.path("stoppedAtStage").asInt()).isEqualTo(3);
        assertThat(o.path("headline").asString()).startsWith("Safe up to 50% of proxy/payments");
        JsonNode stages = o.path("stages");
        assertThat(stages.size()).isEqualTo(3);
        assertThat(stages.get(1).path("share").asDouble()).isEqualTo(0.5);
        assertThat(stages.get(1).path("applied").asString()).isEqualTo("in place");
        assertThat(stages.get(1).path("verdict").asString()).isEqualTo("HELD");
        assertThat(stages.get(1).path("probes").get(0).path("mean").asDouble()).isEqualTo(300);
        assertThat(stages.get(2).path("held").asBoolean()).isFalse();
        JsonNode never = JsonMapper.builder()
                .build()
                .readTree(new JsonReport().render(neverHeld))
                .path("experiments")
                .get(0)
                .path("rollouts")
                .get(0);
        assertThat(never.path("safeUpTo").isNull()).isTrue();
        assertThat(never.path("safeUpToStage").isNull()).isTrue();
    }

    @Test
    void thePdfSaysItInEachCase() throws Exception {
        assertThat(pdfText(safeUpTo50, "rollout-safe.pdf"))
                .contains("Rollout of slow-payments")
                .contains("Safe up to 50% of proxy/payments")
                .contains("it did not hold at 100% (stage 3 of 3).")
                .contains("Checked probes")
                .contains("1 of 3", "2 of 3", "3 of 3")
                .contains("in place in");
        assertThat(pdfText(neverHeld, "rollout-never.pdf"))
                .contains("Never held: not safe even at 10% of proxy/payments")
                .contains("2 more stages were not reached.");
        assertThat(pdfText(heldAll, "rollout-all.pdf"))
                .contains("Held at every stage: safe up to 100% of proxy/payments");
    }

    private static String pdfText(Report r, String file) throws Exception {
        byte[] pdf = new PdfReport().render(r);
        Files.createDirectories(Path.of("target/reports"));
        Files.write(Path.of("target/reports").resolve(file), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // PDFBox breaks long lines where the table cell wraps them: compare on one line
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }
}
