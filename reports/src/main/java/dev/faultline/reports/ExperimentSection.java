package dev.faultline.reports;

import dev.faultline.engine.report.Report;
import dev.faultline.engine.report.ReportText;
import java.time.ZoneId;

/** One experiment: outcome, figures, its rollouts' stages, one chart per probe with its tolerance band and fault markers, faults. */
final class ExperimentSection {
    private ExperimentSection() {}

    static void write(Xhtml h, Report.Experiment e, ZoneId z, boolean pdf, ChartObjects charts) {
        h.open("section", "experiment");
        // the heading, the outcome and the figures stay together on one page
        h.open("div", e.probes().size() <= 12 ? "keep" : "");
        h.el("h3", "", e.name());
        h.open("p", "")
                .el("span", "badge " + e.outcome(), e.outcome())
                .text(" " + e.reason())
                .close("p");
        h.el(
                "p",
                "muted",
                "run " + e.runId() + " · " + ReportText.dateTime(e.startedAt(), z) + " to "
                        + ReportText.dateTime(e.endedAt(), z) + " · score " + ReportText.score(e.score()));
        ReportDocument.figures(h, e);
        h.close("div");
        RolloutSection.write(h, e, z);
        StageMarks stages = StageMarks.of(e);
        for (Report.Series s : e.series()) {
            h.open("div", "chart");
            if (s.size() == 0) {
                h.el("p", "muted", s.probe() + ": no samples were recorded");
            } else {
                if (pdf) {
                    // drawn straight into the PDF as vector graphics (ChartObjects), not parsed back from SVG
                    h.raw("<object type=\"" + ChartObjects.TYPE + "\" data-chart=\""
                            + charts.add(s, e.faults(), stages, z) + "\" class=\"chart-object\"></object>");
                } else {
                    h.raw(ProbeChart.svg(s, e.faults(), stages, z, 900, 220, charts.axes()));
                }
                h.open("div", "caption")
                        .text(s.probe() + " (expect " + s.expect() + ") · ")
                        .el("span", "legend-band", "■ tolerance")
                        .text(" · ")
                        .el("span", "legend-fault", "■ fault in effect")
                        .text(stages.marks().isEmpty() ? "" : " · dashed: a rollout stage begins")
                        .text(" · " + s.size() + " samples, times in " + z.getId())
                        .close("div");
            }
            h.close("div");
        }
        if (!e.faults().isEmpty()) {
            h.open("table", "faults").headRow("Fault", "Target", "What", "From", "To");
            for (Report.FaultSpan f : e.faults()) {
                h.row(
                        f.step(),
                        f.target(),
                        f.description(),
                        ReportText.time(f.from(), z),
                        f.to() == null ? "—" : ReportText.time(f.to(), z));
            }
            h.close("table");
        }
        h.close("section");
    }
}
