package dev.faultline.reports;

import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.Report;
import dev.faultline.engine.report.ReportText;
import java.time.ZoneId;
import java.util.List;

/** Timeline, findings, lessons and action items. */
final class RetroSection {
    /** Observations longer than this are shown cut in the timeline; the full text is in the observations list. */
    static final int TIMELINE_TEXT = 400;

    private static final java.time.format.DateTimeFormatter TIMELINE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    private RetroSection() {}

    /** In the PDF an observation is shown up to this length; the HTML, JSON, Markdown and the database keep it whole. */
    static final int PDF_NOTE = 3000;

    static void timeline(Xhtml h, Report r, ZoneId z) {
        timeline(h, r, z, false);
    }

    static void timeline(Xhtml h, Report r, ZoneId z, boolean pdf) {
        h.el("h2", "", "Timeline");
        h.open("table", "timeline").headRow("Time", "What", "");
        for (Report.TimelineEntry t : r.timeline()) {
            String text = t.text().length() > TIMELINE_TEXT
                    ? t.text().substring(0, TIMELINE_TEXT) + "… (in full below)"
                    : t.text();
            h.open("tr", "")
                    .el("td", "nowrap", TIMELINE_TIME.format(t.at().atZone(z)))
                    .el("td", "nowrap", t.type())
                    .el("td", t.type().equals("observation") ? "note" : "", text)
                    .close("tr");
        }
        h.close("table");
        if (!r.retro().observations().isEmpty()) {
            h.el("h2", "", "Observations");
            r.retro()
                    .observations()
                    .forEach(o -> h.open("p", "note")
                            .raw("<b>")
                            .text(ReportText.dateTime(o.at(), z) + " " + o.author())
                            .raw("</b> ")
                            .text(
                                    pdf && o.text().length() > PDF_NOTE
                                            ? o.text()
                                                            .substring(
                                                                    0,
                                                                    Character.isHighSurrogate(o.text()
                                                                                    .charAt(PDF_NOTE - 1))
                                                                            ? PDF_NOTE - 1
                                                                            : PDF_NOTE)
                                                    + "… (" + (o.text().length() - PDF_NOTE)
                                                    + " more characters, in full in the HTML and JSON report"
                                                    + " and in Faultline's database)"
                                            : o.text())
                            .close("p"));
        }
    }

    static void findings(Xhtml h, Report r) {
        h.el("h2", "", "Findings");
        if (r.retro().findings().isEmpty()) {
            h.el("p", "muted", "None recorded.");
            return;
        }
        h.open("table", "").headRow("Severity", "Finding", "Happened", "Expected", "Probe");
        for (Finding f : r.retro().findings()) {
            h.open("tr", "")
                    .raw("<td>")
                    .el("span", "badge " + f.severity(), f.severity().name())
                    .raw("</td>")
                    .el("td", "", f.title())
                    .el("td", "", f.happened())
                    .el("td", "", f.expected())
                    .el("td", "", f.probe().isEmpty() ? "—" : f.probe())
                    .close("tr");
        }
        h.close("table");
    }

    static void lessons(Xhtml h, Report r) {
        h.el("h2", "", "Lessons learned");
        if (r.retro().lessons().isEmpty()) {
            h.el("p", "muted", "None recorded.");
            return;
        }
        for (Lesson.Kind k : Lesson.Kind.values()) {
            List<Lesson> of =
                    r.retro().lessons().stream().filter(l -> l.kind() == k).toList();
            if (!of.isEmpty()) {
                h.el("h3", "", k.heading()).open("ul", "");
                of.forEach(l -> h.el("li", "", l.text()));
                h.close("ul");
            }
        }
    }

    static void actions(Xhtml h, Report r) {
        h.el("h2", "", "Action items");
        table(h, r.retro().actionItems());
        if (!r.openEarlier().isEmpty()) {
            h.el("h3", "", "Still open from earlier GameDays");
            table(h, r.openEarlier());
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
