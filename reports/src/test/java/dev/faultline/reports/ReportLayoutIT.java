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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The PDF read back with PDFBox, page by page and line by line: an executive first page, the engine
 * log in an appendix (or left out), no heading left at the foot of a page, no table alone on a page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportLayoutIT {
    private Report gameDay;
    private Report oneRun;

    @BeforeAll
    void record() throws Exception {
        Path home = Files.createTempDirectory("faultline-report-layout");
        SimulatedSystem system = new SimulatedSystem().metric("latency", 100).target("proxy/payments");
        system.impact("proxy/payments", "latency", 50);
        try (TestRig rig = new TestRig(
                        home,
                        List.of(new SimulatedBackendProvider(new SimulatedBackend(system))),
                        List.of(new SimulatedProbes(system)));
                FaultlineStore store = FaultlineStore.open(home.resolve("db/faultline"))) {
            GameDayResult r = RecordedGameDay.run(store, home, rig, system, List.of(), List.of());
            RecordedGameDay.retrospective(store, r);
            ReportAssembler assembler = new ReportAssembler(store, Clock.systemUTC());
            gameDay = assembler.assemble(r.gameDayRunId(), ZoneId.of("Europe/Berlin"));
            oneRun = assembler.assemble(r.results().get(1).runId(), ZoneId.of("Europe/Berlin"));
        }
    }

    /** One text line of a page: its text, the y of its baseline from the top, and its font size. */
    record Line(String text, float y, float size) {}

    private static List<List<Line>> pages(byte[] pdf) throws IOException {
        List<List<Line>> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                List<Line> lines = new ArrayList<>();
                PDFTextStripper s = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) {
                        if (text.isBlank() || positions.isEmpty()) {
                            return;
                        }
                        // called once a word: words on the same baseline make one line
                        TextPosition first = positions.get(0);
                        int last = lines.size() - 1;
                        if (last >= 0 && Math.abs(lines.get(last).y() - first.getYDirAdj()) < 1) {
                            Line l = lines.get(last);
                            lines.set(
                                    last,
                                    new Line(
                                            l.text() + " " + text.strip(),
                                            l.y(),
                                            Math.max(l.size(), first.getFontSizeInPt())));
                        } else {
                            lines.add(new Line(text.strip(), first.getYDirAdj(), first.getFontSizeInPt()));
                        }
                    }
                };
                s.setSortByPosition(true);
                s.setStartPage(p);
                s.setEndPage(p);
                s.getText(doc);
                pages.add(lines);
            }
        }
        return pages;
    }

    /** The page's body: without the running header and the page number. */
    private static List<Line> body(List<Line> page) {
        return page.stream()
                .filter(l -> !l.text().startsWith("Page ") && !l.text().startsWith("Faultline "))
                .filter(l -> l.y() > 60 && l.y() < 800)
                .toList();
    }

    private static String text(List<Line> page) {
        return String.join("\n", page.stream().map(Line::text).toList());
    }

    private static void write(String name, byte[] pdf) throws IOException {
        Files.createDirectories(Path.of("target/reports"));
        Files.write(Path.of("target/reports/" + name), pdf);
    }

    @Test
    void theFirstPageTellsADirectorTheOutcomeTheScoreAndWhoDoesWhat() throws Exception {
        byte[] pdf = new PdfReport().render(gameDay);
        write("layout-gameday.pdf", pdf);
        String first = text(pages(pdf).get(0));
        assertThat(first)
                .contains(
                        "Outcome",
                        "What the score counts",
                        "60% ×",
                        "Retries hide slow payments",
                        "Cap payment retries at 2",
                        "山田太郎",
                        "2026-12-20");
    }

    @Test
    void theEngineLogIsAnAppendixAfterEverythingElseOrLeftOut() throws Exception {
        byte[] pdf = new PdfReport().render(gameDay);
        List<List<Line>> pages = pages(pdf);
        int appendix = -1;
        int actions = -1;
        for (int i = 0; i < pages.size(); i++) {
            for (Line l : pages.get(i)) {
                if (l.text().startsWith("Appendix") && appendix < 0) {
                    appendix = i;
                }
                if (l.text().equals("Lessons learned")) {
                    actions = i;
                }
            }
        }
        assertThat(appendix).as("the appendix' page").isPositive();
        assertThat(appendix).as("after the lessons").isGreaterThan(actions);
        assertThat(text(pages.get(appendix))).contains("Engine log", "phase");

        byte[] without = new PdfReport(false).render(gameDay);
        write("layout-gameday-no-log.pdf", without);
        List<List<Line>> shorter = pages(without);
        assertThat(shorter.size()).isLessThan(pages.size());
        String all =
                String.join("\n", shorter.stream().map(ReportLayoutIT::text).toList());
        assertThat(all).doesNotContain("Appendix").contains("Notes of the day", RecordedGameDay.NOTE);
    }

    @Test
    void noPageEndsWithAHeadingInTheGameDayReportOrTheOneRunReport() throws Exception {
        for (Report r : List.of(gameDay, oneRun)) {
            byte[] pdf = new PdfReport().render(r);
            write("layout-" + (r.gameDay() ? "gameday" : "run") + "-headings.pdf", pdf);
            List<List<Line>> pages = pages(pdf);
            for (int i = 0; i < pages.size() - 1; i++) {
                List<Line> body = body(pages.get(i));
                assertThat(body).as("page %d of %s", i + 1, r.title()).isNotEmpty();
                Line last = body.get(body.size() - 1);
                // headings are set at 11.5 pt and larger; body text, tables and captions at 9.5 pt and smaller
                assertThat(last.size())
                        .as("page %d of %s ends with '%s'", i + 1, r.title(), last.text())
                        .isLessThan(11);
            }
        }
    }

    @Test
    void theOneRunReportKeepsTheOverviewWithTheExperimentAndFillsItsPages() throws Exception {
        byte[] pdf = new PdfReport().render(oneRun);
        write("layout-run.pdf", pdf);
        List<List<Line>> pages = pages(pdf);
        int overview = -1;
        int figures = -1;
        for (int i = 0; i < pages.size(); i++) {
            Set<String> texts = Set.copyOf(pages.get(i).stream().map(Line::text).toList());
            if (texts.stream().anyMatch(t -> t.startsWith("Experiment Outcome"))) {
                overview = i;
            }
            if (texts.stream().anyMatch(t -> t.startsWith("Probe Expect Baseline"))) {
                figures = i;
            }
        }
        assertThat(overview).as("the overview table's page").isPositive();
        assertThat(figures).as("the figures' page, the overview's").isEqualTo(overview);
        // every page between the first (the summary) and the appendix is more than a third full
        for (int i = 1; i < pages.size(); i++) {
            List<Line> body = body(pages.get(i));
            if (body.isEmpty() || text(pages.get(i)).contains("Appendix") || i == pages.size() - 1) {
                continue;
            }
            if (i + 1 < pages.size() && text(pages.get(i + 1)).contains("Appendix")) {
                continue;
            }
            assertThat(body.get(body.size() - 1).y())
                    .as("the last line of page %d", i + 1)
                    .isGreaterThan(842 / 3f);
        }
    }
}
