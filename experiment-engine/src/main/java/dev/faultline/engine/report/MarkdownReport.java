package dev.faultline.engine.report;

import static dev.faultline.engine.report.ReportText.dateTime;
import static dev.faultline.engine.report.ReportText.value;

import dev.faultline.engine.model.Participant;
import dev.faultline.engine.spi.run.RolloutResult;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/** The report as Markdown (GitHub-flavoured tables), for a wiki page or a pull request. */
public final class MarkdownReport implements ReportRenderer {

    @Override
    public String format() {
        return "md";
    }

    @Override
    public byte[] render(Report r) {
        return text(r).getBytes(StandardCharsets.UTF_8);
    }

    public String text(Report r) {
        ZoneId z = r.zone();
        StringBuilder b = new StringBuilder();
        b.append("# ").append(line(r.title())).append("\n\n");
        if (!r.description().isEmpty()) {
            b.append(r.description()).append("\n\n");
        }
        b.append("| | |\n|---|---|\n");
        row(b, r.gameDay() ? "GameDay run" : "Run", "`" + r.subjectId() + "`");
        row(b, "Environment", r.environment());
        row(b, "Status", "**" + r.status() + "**" + (r.reason().isEmpty() ? "" : ": " + cell(r.reason())));
        if (r.scheduledStart() != null) {
            row(b, "Scheduled", dateTime(r.scheduledStart(), z));
        }
        row(b, "Started", dateTime(r.startedAt(), z));
        row(b, "Ended", dateTime(r.endedAt(), z) + " (" + ReportText.duration(r.startedAt(), r.endedAt()) + ")");
        row(b, "Resilience score", ReportText.score(r.score()) + " / 100");
        row(b, "Times in", ReportText.zoneName(z, r.startedAt()));
        b.append('\n');
        if (!r.objectives().isEmpty()) {
            b.append("## Objectives\n\n");
            r.objectives().forEach(o -> b.append("- ").append(line(o)).append('\n'));
            b.append('\n');
        }
        if (!r.participants().isEmpty()) {
            b.append("## Participants\n\n| Name | Role |\n|---|---|\n");
            for (Participant p : r.participants()) {
                row(b, p.name(), p.role().label());
            }
            b.append('\n');
        }
        b.append("## Experiments\n\n| Experiment | Outcome | Team verdict | Score | Impact |\n|---|---|---|---|---|\n");
        for (Report.Experiment e : r.experiments()) {
            b.append("| ")
                    .append(cell(e.name()))
                    .append(" | ")
                    .append(e.outcome())
                    .append(" | ")
                    .append(e.verdict() == null ? "—" : e.verdict().verdict().name())
                    .append(" | ")
                    .append(ReportText.score(e.score()))
                    .append(" | ")
                    .append(e.impact())
                    .append(" |\n");
        }
        for (Report.Skipped k : r.skipped()) {
            b.append("| ").append(cell(k.name())).append(" | SKIPPED | — | — | — |\n");
        }
        b.append('\n');
        for (Report.Experiment e : r.experiments()) {
            ResilienceScore.Explanation why = e.scoreExplained();
            if (why != null) {
                b.append("- ")
                        .append(cell(e.name()))
                        .append(": score ")
                        .append(line(why.text()))
                        .append('\n');
            }
        }
        b.append('\n');
        for (Report.Experiment e : r.experiments()) {
            b.append("### ").append(line(e.name())).append("\n\n");
            b.append("**")
                    .append(e.outcome())
                    .append("**: ")
                    .append(line(e.reason()))
                    .append("  \n");
            b.append("Run `")
                    .append(e.runId())
                    .append("`, ")
                    .append(dateTime(e.startedAt(), z))
                    .append(" to ")
                    .append(dateTime(e.endedAt(), z))
                    .append("\n\n");
            if (!e.probes().isEmpty()) {
                b.append("| Probe | Expect | Baseline | During | After | Deviation | Impact | Held |\n"
                        + "|---|---|---|---|---|---|---|---|\n");
                for (Report.ProbeFigures p : e.probes()) {
                    b.append("| ")
                            .append(cell(p.probe()))
                            .append(" | `")
                            .append(p.expect())
                            .append("` | ")
                            .append(value(p.baseline(), p.expect()))
                            .append(" | ")
                            .append(value(p.during(), p.expect()))
                            .append(" | ")
                            .append(value(p.after(), p.expect()))
                            .append(" | ")
                            .append(ReportText.percent(p.deviation()))
                            .append(" | ")
                            .append(p.impact())
                            .append(" | ")
                            .append(ReportText.held(e, p).equals("no") ? "**no**" : ReportText.held(e, p))
                            .append(" |\n");
                }
                b.append('\n');
            }
            for (Report.FaultSpan f : e.faults()) {
                b.append("- Fault `")
                        .append(f.step())
                        .append("` on ")
                        .append(f.target())
                        .append(": ")
                        .append(line(f.description()))
                        .append(", ")
                        .append(ReportText.time(f.from(), z))
                        .append(" – ")
                        .append(f.to() == null ? "?" : ReportText.time(f.to(), z))
                        .append('\n');
            }
            rollouts(b, e, z);
            if (e.verdict() != null) {
                ExperimentOutcome v = e.verdict();
                b.append("- Team verdict: **")
                        .append(v.verdict())
                        .append("**; detected by our monitoring: ")
                        .append(
                                v.detected()
                                        ? "yes"
                                                + (v.timeToDetect() == null
                                                        ? ""
                                                        : " after "
                                                                + ReportText.millis(v.timeToDetect()
                                                                        .toMillis()))
                                        : "no")
                        .append("; mitigated: ")
                        .append(
                                v.mitigated()
                                        ? "yes"
                                                + (v.timeToMitigate() == null
                                                        ? ""
                                                        : " after "
                                                                + ReportText.millis(v.timeToMitigate()
                                                                        .toMillis()))
                                        : "no")
                        .append('\n');
                if (!v.notes().isEmpty()) {
                    b.append("  ").append(line(v.notes())).append('\n');
                }
            }
            b.append('\n');
        }
        b.append("## Timeline\n\n| Time | Run | Event |\n|---|---|---|\n");
        for (Report.TimelineEntry t : r.timeline()) {
            b.append("| ")
                    .append(dateTime(t.at(), z))
                    .append(" | ")
                    .append(shortId(t.runId()))
                    .append(" | ")
                    .append(t.type().equals("observation") ? "📝 " : "")
                    .append(cell(t.text()))
                    .append(" |\n");
        }
        b.append('\n');
        b.append("## Findings\n\n");
        if (r.retro().findings().isEmpty()) {
            b.append("None recorded.\n\n");
        }
        for (Finding f : r.retro().findings()) {
            b.append("- **[")
                    .append(f.severity())
                    .append("] ")
                    .append(line(f.title()))
                    .append("**")
                    .append("  \n  Happened: ")
                    .append(line(f.happened()))
                    .append("  \n  Expected: ")
                    .append(line(f.expected()))
                    .append("  \n  Linked to: ")
                    .append(line(FindingLinks.of(r, f, z)))
                    .append('\n');
        }
        b.append('\n');
        b.append("## Lessons learned\n\n");
        if (r.retro().lessons().isEmpty()) {
            b.append("None recorded.\n\n");
        }
        for (Lesson.Kind k : Lesson.Kind.values()) {
            var of = r.retro().lessons().stream().filter(l -> l.kind() == k).toList();
            if (!of.isEmpty()) {
                b.append("**").append(k.heading()).append("**\n\n");
                of.forEach(l -> b.append("- ").append(line(l.text())).append('\n'));
                b.append('\n');
            }
        }
        b.append("## Action items\n\n");
        actions(b, r.retro().actionItems());
        if (!r.openEarlier().isEmpty()) {
            b.append("### Still open from earlier GameDays\n\n");
            actions(b, r.openEarlier());
        }
        b.append("---\nGenerated by Faultline on ")
                .append(dateTime(r.generatedAt(), z))
                .append(' ')
                .append(ReportText.zoneName(z, r.generatedAt()))
                .append(".\n");
        return b.toString();
    }

    private static void actions(StringBuilder b, java.util.List<ActionItem> items) {
        if (items.isEmpty()) {
            b.append("None recorded.\n\n");
            return;
        }
        b.append("| # | Action | Owner | Due | Status | Ticket |\n|---|---|---|---|---|---|\n");
        for (ActionItem a : items) {
            b.append("| ")
                    .append(a.id())
                    .append(" | ")
                    .append(cell(a.title()))
                    .append(" | ")
                    .append(cell(a.owner()))
                    .append(" | ")
                    .append(a.due() == null ? "—" : a.due().toString())
                    .append(" | ")
                    .append(a.status())
                    .append(" | ")
                    .append(a.ticketUrl().isEmpty() ? "—" : "<" + a.ticketUrl() + ">")
                    .append(" |\n");
        }
        b.append('\n');
    }

    /** Each rollout's outcome in a sentence and its stages in a table. */
    private static void rollouts(StringBuilder b, Report.Experiment e, ZoneId z) {
        for (RolloutResult o : e.rollouts()) {
            b.append("\n**")
                    .append(line(RolloutText.title(o)))
                    .append("**: ")
                    .append(line(o.headline()))
                    .append("\n\n| ")
                    .append(String.join(" | ", RolloutText.columns(o)))
                    .append(" |\n|")
                    .append("---|".repeat(RolloutText.columns(o).size()))
                    .append('\n');
            for (RolloutResult.Stage s : o.stages()) {
                b.append("| ")
                        .append(String.join(
                                " | ",
                                RolloutText.row(o, s, z).stream()
                                        .map(MarkdownReport::cell)
                                        .toList()))
                        .append(" |\n");
            }
            String left = RolloutText.notReached(o);
            if (!left.isEmpty()) {
                b.append('\n').append(left).append('\n');
            }
        }
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("| ").append(cell(k)).append(" | ").append(v).append(" |\n");
    }

    /** Text inside a table cell: one line, pipes escaped. */
    static String cell(String s) {
        return line(s).replace("|", "\\|");
    }

    static String line(String s) {
        return s.replace("\r", "").replace("\n", " ").replace("<", "&lt;");
    }

    private static String shortId(String id) {
        return id.length() > 28 ? "…" + id.substring(id.length() - 26) : id;
    }
}
