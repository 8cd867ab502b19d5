package dev.faultline.reports;

import static dev.faultline.engine.report.ReportText.dateTime;

import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.Report;
import dev.faultline.engine.report.ReportText;
import dev.faultline.engine.report.ResilienceScore;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The first page, for someone who reads only that: how the day went, the resilience score with what
 * counted in it and why, the findings and who does what by when.
 */
final class ExecutiveSummary {
    /** At most this many findings and action items on the first page; the rest are in their sections. */
    static final int FIRST_PAGE_ROWS = 6;

    private ExecutiveSummary() {}

    static void write(Xhtml h, Report r, ZoneId z) {
        h.open("section", "cover");
        h.el("div", "kicker", r.gameDay() ? "GameDay report" : "Experiment run report");
        h.el("h1", "", r.title());
        if (!r.description().isEmpty()) {
            h.el("p", "lead", r.description());
        }
        h.open("p", "")
                .el("span", "badge " + r.status(), r.status())
                .text(" " + r.reason())
                .close("p");
        h.open("table", "facts");
        h.row(r.gameDay() ? "GameDay run" : "Run", r.subjectId());
        h.row("Environment", r.environment());
        if (r.scheduledStart() != null) {
            h.row("Scheduled", dateTime(r.scheduledStart(), z));
        }
        h.row(
                "Ran",
                dateTime(r.startedAt(), z) + " to " + dateTime(r.endedAt(), z) + " ("
                        + ReportText.duration(r.startedAt(), r.endedAt()) + "), times in "
                        + ReportText.zoneName(z, r.startedAt()));
        h.close("table");
        outcome(h, r);
        score(h, r);
        findings(h, r);
        actions(h, r);
        h.close("section");
    }

    private static void outcome(Xhtml h, Report r) {
        h.el("h2", "", "Outcome");
        long held =
                r.experiments().stream().filter(e -> e.outcome().equals("HELD")).count();
        String counts = r.experiments().stream()
                .collect(Collectors.groupingBy(
                        e -> expectedHalt(e)
                                ? "halted as expected"
                                : e.outcome().toLowerCase(Locale.ROOT),
                        TreeMap::new,
                        Collectors.counting()))
                .entrySet()
                .stream()
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        int planned = r.experiments().size() + r.skipped().size();
        long open = r.retro().actionItems().stream()
                .filter(a -> a.status().isOpen())
                .count();
        h.el(
                "p",
                "",
                planned + " experiment(s)" + (r.gameDay() ? " planned" : "") + ": " + counts
                        + (r.skipped().isEmpty() ? "" : ", " + r.skipped().size() + " skipped")
                        + ". The steady state held in "
                        + held + " of " + r.experiments().size() + " run(s). "
                        + r.retro().findings().size() + " finding(s); "
                        + r.retro().actionItems().size()
                        + " action item(s), " + open + " open.");
    }

    private static void score(Xhtml h, Report r) {
        h.open("div", "keep");
        h.open("p", "").el("span", "score", ReportText.score(r.score())).text(" / 100 resilience score");
        if (r.trend().size() > 1) {
            h.text("  ·  over this GameDay's runs: "
                    + r.trend().stream()
                            .map(ResilienceScore.Point::score)
                            .map(ReportText::score)
                            .collect(Collectors.joining(" → ")));
        }
        h.close("p");
        h.el("h3", "", "What the score counts");
        h.open("table", "score-parts").headRow("Experiment", "Outcome", "Score", "Why");
        for (Report.Experiment e : r.experiments()) {
            h.open("tr", "")
                    .el("td", "", e.name())
                    .raw("<td>")
                    .el("span", "badge " + e.outcome(), e.outcome())
                    .raw("</td>")
                    .el("td", "", ReportText.score(e.score()))
                    .el("td", "", why(e))
                    .close("tr");
        }
        for (Report.Skipped s : r.skipped()) {
            ReportDocument.skippedRow(h, s, "—", "did not run: not counted");
        }
        h.close("table");
        h.el(
                "p",
                "muted",
                (r.gameDay() ? "The GameDay's score is the mean of its experiments' scores. " : "")
                        + "An experiment scores 60% for the share of its hypothesis' probes that held and 40% for"
                        + " recovery (full marks when a probe never left its tolerance, none when it took 5 minutes or"
                        + " did not come back); a halt by a stop condition or the kill switch takes 20 points off,"
                        + " unless the experiment declares that halt the outcome it expects (haltExpected) or the"
                        + " kill switch halted it while every probe was within its tolerance (a drill: counted as"
                        + " held).");
        h.close("div");
    }

    private static void findings(Xhtml h, Report r) {
        List<Finding> all = r.retro().findings().stream()
                .sorted(Comparator.comparing(Finding::severity))
                .toList();
        h.open("div", "keep");
        h.el("h3", "", "Findings");
        if (all.isEmpty()) {
            h.el("p", "muted", "None recorded.");
        } else {
            h.open("table", "").headRow("Severity", "Finding", "Experiment");
            for (Finding f : all.subList(0, Math.min(FIRST_PAGE_ROWS, all.size()))) {
                h.open("tr", "")
                        .raw("<td>")
                        .el("span", "badge " + f.severity(), f.severity().name())
                        .raw("</td>")
                        .el("td", "", f.title())
                        .el("td", "", RetroSection.experimentOf(r, f.runId()))
                        .close("tr");
            }
            h.close("table");
            more(h, all.size(), "findings");
        }
        h.close("div");
    }

    private static void actions(Xhtml h, Report r) {
        List<ActionItem> all = r.retro().actionItems().stream()
                .sorted(Comparator.comparing((ActionItem a) -> !a.status().isOpen())
                        .thenComparing(a -> a.due() == null ? java.time.LocalDate.MAX : a.due()))
                .toList();
        h.open("div", "keep");
        h.el("h3", "", "Action items");
        if (all.isEmpty()) {
            h.el("p", "muted", "None recorded.");
        } else {
            h.open("table", "").headRow("Action", "Owner", "Due", "Status");
            for (ActionItem a : all.subList(0, Math.min(FIRST_PAGE_ROWS, all.size()))) {
                h.open("tr", "")
                        .el("td", "", a.title())
                        .el("td", "", a.owner())
                        .el("td", "nowrap", a.due() == null ? "—" : a.due().toString())
                        .raw("<td>")
                        .el("span", "badge " + a.status(), a.status().name())
                        .raw("</td>")
                        .close("tr");
            }
            h.close("table");
            more(h, all.size(), "action items");
        }
        h.close("div");
    }

    private static void more(Xhtml h, int all, String what) {
        if (all > FIRST_PAGE_ROWS) {
            h.el("p", "muted", "and " + (all - FIRST_PAGE_ROWS) + " more: all " + what + " follow the experiments.");
        }
    }

    private static boolean expectedHalt(Report.Experiment e) {
        ResilienceScore.Explanation why = e.scoreExplained();
        return why != null && why.expectedHalt();
    }

    private static String why(Report.Experiment e) {
        ResilienceScore.Explanation why = e.scoreExplained();
        return why == null ? "no score: nothing was injected, so nothing was tried" : why.text();
    }
}
