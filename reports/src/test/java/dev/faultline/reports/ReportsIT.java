package dev.faultline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.gameday.GameDayResult;
import dev.faultline.engine.report.Report;
import dev.faultline.engine.report.ReportAssembler;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.testkit.RecordedGameDay;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedProbes;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.TestRig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A real recorded GameDay with its retrospective, rendered as HTML and PDF and read back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT {
    private Path home;

    private Report report;

    @BeforeAll
    void record() throws Exception {
        home = Files.createTempDirectory("faultline-reports-it");
        SimulatedSystem system = new SimulatedSystem().metric("latency", 100).target("proxy/payments");
        system.impact("proxy/payments", "latency", 50);
        try (TestRig rig = new TestRig(
                        home,
                        List.of(new SimulatedBackendProvider(new SimulatedBackend(system))),
                        List.of(new SimulatedProbes(system)));
                FaultlineStore store = FaultlineStore.open(home.resolve("db/faultline"))) {
            GameDayResult r = RecordedGameDay.run(store, home, rig, system, List.of(), List.of());
            RecordedGameDay.retrospective(store, r);
            report = new ReportAssembler(store, Clock.systemUTC())
                    .assemble(r.gameDayRunId(), ZoneId.of("Europe/Berlin"));
        }
    }

    @AfterAll
    void done() {}

    @Test
    void theHtmlIsOneSelfContainedWellFormedFileWithAChartPerProbe() throws Exception {
        byte[] html = new HtmlReport().render(report);
        String text = new String(html, StandardCharsets.UTF_8);
        Files.createDirectories(Path.of("target/reports"));
        Files.write(Path.of("target/reports/gameday.html"), html);
        assertThat(text).doesNotContainPattern("(?i)<link|<script|src=\"http|url\\(http|@import");
        assertThat(text.split("<svg", -1)).hasSize(report.experiments().size() + 1);
        assertThat(text)
                .contains(
                        "Checkout GameDay 🚀 結帳の日",
                        "Zoë Ångström",
                        "支払いの再試行が多すぎる",
                        "Europe/Berlin (CET)",
                        "Cap payment retries at 2",
                        "Retries hide slow payments",
                        RecordedGameDay.NOTE);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(html)); // well-formed XML, or it throws
    }

    @Test
    void thePdfHasPagesTextInEveryScriptAndEmbeddedFonts() throws Exception {
        byte[] pdf = new PdfReport().render(report);
        Files.createDirectories(Path.of("target/reports"));
        Files.write(Path.of("target/reports/gameday.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(4);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains(
                            "GameDay report",
                            "結帳の日",
                            "Zoë Ångström",
                            "山田太郎",
                            "支払いの再試行が多すぎる",
                            "Cap payment retries at 2",
                            "Page 2 of",
                            "Europe/Berlin");
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                var res = doc.getPage(i).getResources();
                for (var name : res.getFontNames()) {
                    PDFont font = res.getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }
}
