package dev.faultline.reports;

import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.FindingLinks;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.Report;
import dev.faultline.engine.report.ReportText;
import java.time.ZoneId;
import java.util.List;

/** The notes of the day, findings, lessons, action items, and the engine log for the appendix. */
final class RetroSection {
    /** Observations longer than this are shown cut in the timeline; the full text is in the observations list. */
    static final int TIMELINE_TEXT = 400;

    private static final java.time.format.DateTimeFormatter TIMELINE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    private RetroSection() {}

    /** In the PDF an observation is shown up to this length; the HTML, JSON, Markdown and the database keep it whole. */
    static final int PDF_NOTE = 3000;

    /** The notes of the day: every observation in full (in the PDF up to {@link #PDF_NOTE} characters), by whom. */
    static void notes(Xhtml h, Report r, ZoneId z, boolean pdf) {
        if (r.retro().observations().isEmpty()) {
            return;
        }
        h.el("h2", "", "Notes of the day");
        r.retro()
                .observations()
                .forEach(o -> h.open("p", "note")
                        .raw("<b>")
                        .text(ReportText.dateTime(o.at(), z) + " " + (o.author().isBlank() ? "—" : o.author())
                                + (o.subject().equals(r.subjectId()) ? "" : " · " + experimentOf(r, o.subject())))
                        .raw("</b> ")
                        .text(pdf && o.text().length() > PDF_NOTE ? cut(o.text()) : o.text())
                        .close("p"));
    }

    private static String cut(String text) {
        int end = Character.isHighSurrogate(text.charAt(PDF_NOTE - 1)) ? PDF_NOTE - 1 : PDF_NOTE;
        return text.substring(0, end) + "… (" + (text.length() - PDF_NOTE)
                + " more characters, in full in the HTML and JSON report and in Faultline's database)";
    }

    /** The experiment a run id belongs to, by name, or "—". */
    static String experimentOf(Report r, String runId) {
        if (runId.isEmpty()) {
            return "—";
        }
        return r.experiments().stream()
                .filter(e -> e.runId().equals(runId))
                .map(Report.Experiment::name)
                .findFirst()
                .orElse(runId);
    }

    /** The engine's log of the day, every event and note in time order: the appendix, on pages of its own. */
    static void engineLog(Xhtml h, Report r, ZoneId z) {
        h.open("section", "appendix");
        h.el("h2", "", "Appendix: Engine log");
        h.el(
                "p",
                "muted",
                "Every event the engine recorded, and the notes, in time order (times in " + z.getId() + ").");
        h.open("table", "timeline").headRow("Time", "What", "");
        for (Report.TimelineEntry t : r.timeline()) {
            String text = t.text().length() > TIMELINE_TEXT
                    ? t.text().substring(0, TIMELINE_TEXT) + "… (in full under Notes of the day)"
                    : t.text();
            h.open("tr", "")
                    .el("td", "nowrap", TIMELINE_TIME.format(t.at().atZone(z)))
                    .el("td", "nowrap", t.type())
                    .el("td", t.type().equals("observation") ? "note" : "", text)
                    .close("tr");
        }
        h.close("table");
        h.close("section");
    }

    static void findings(Xhtml h, Report r) {
        h.open("div", r.retro().findings().size() <= 10 ? "keep" : "");
        h.el("h2", "", "Findings");
        if (r.retro().findings().isEmpty()) {
            h.el("p", "muted", "None recorded.");
            h.close("div");
            return;
        }
        h.open("table", "").headRow("Severity", "Finding", "Happened", "Expected", "Linked to");
        for (Finding f : r.retro().findings()) {
            h.open("tr", "")
                    .raw("<td>")
                    .el("span", "badge " + f.severity(), f.severity().name())
                    .raw("</td>")
                    .el("td", "", f.title())
                    .el("td", "", f.happened())
                    .el("td", "", f.expected())
                    .el("td", "", FindingLinks.of(r, f, r.zone()))
                    .close("tr");
        }
        h.close("table");
        h.close("div");
    }

    static void lessons(Xhtml h, Report r) {
        if (r.retro().lessons().isEmpty()) {
            h.open("div", "keep").el("h2", "", "Lessons learned");
            h.el("p", "muted", "None recorded.").close("div");
            return;
        }
        h.el("h2", "", "Lessons learned");
        for (Lesson.Kind k : Lesson.Kind.values()) {
            List<Lesson> of =
                    r.retro().lessons().stream().filter(l -> l.kind() == k).toList();
            if (!of.isEmpty()) {
                h.open("div", of.size() <= 10 ? "keep" : "")
                        .el("h3", "", k.heading())
                        .open("ul", "");
                of.forEach(l -> h.el("li", "", l.text()));
                h.close("ul").close("div");
            }
        }
    }

    static void actions(Xhtml h, Report r) {
        h.open("div", r.retro().actionItems().size() <= 10 ? "keep" : "");
        h.el("h2", "", "Action items");
        table(h, r.retro().actionItems());
        h.close("div");
        if (!r.openEarlier().isEmpty()) {
            h.open("div", r.openEarlier().size() <= 10 ? "keep" : "");
            h.el("h3", "", "Still open from earlier GameDays");
            table(h, r.openEarlier());
            h.close("div");
        }
    }

    private static void table(Xhtml h, List<ActionItem> items) {
        if (items.isEmpty()) {
            h.el("p", "muted", "None recorded.");
            return;
        }
        h.open("table", "").headRow("#", "Action", "Owner", "Due", "Status", "Ticket");
        for (ActionItem a : items) {
            h.open("tr", "")
                    .el("td", "", String.valueOf(a.id()))
                    .el("td", "", a.title())
                    .el("td", "", a.owner())
                    .el("td", "", a.due() == null ? "—" : a.due().toString())
                    .raw("<td>")
                    .el("span", "badge " + a.status(), a.status().name())
                    .raw("</td>");
            if (a.ticketUrl().isEmpty()) {
                h.el("td", "", "—");
            } else {
                h.raw("<td><a href=\"")
                        .text(a.ticketUrl())
                        .raw("\">")
                        .text(a.ticketUrl())
                        .raw("</a></td>");
            }
            h.close("tr");
        }
        h.close("table");
    }
}
