package dev.faultline.engine.report;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a finding of a report is linked to, in words for the report: the experiment it is about,
 * the probe, the note it came from (when and by whom, in the reader's zone), the action items that
 * answer it, and whether it is closed.
 */
public final class FindingLinks {
    private FindingLinks() {}

    /** "experiment payment-outage · note 16:30:12 Margaret Hamilton · action #1, #3 · closed", or "—" when none. */
    public static String of(Report r, Finding f, ZoneId zone) {
        List<String> parts = new ArrayList<>();
        if (!f.runId().isEmpty()) {
            parts.add("experiment "
                    + r.experiments().stream()
                            .filter(e -> e.runId().equals(f.runId()))
                            .map(Report.Experiment::name)
                            .findFirst()
                            .orElse(f.runId()));
        }
        if (!f.probe().isEmpty()) {
            parts.add("probe " + f.probe());
        }
        if (f.observationId() != null) {
            r.retro().observations().stream()
                    .filter(o -> o.id() == f.observationId())
                    .findFirst()
                    .ifPresent(o -> parts.add("note " + ReportText.time(o.at(), zone)
                            + (o.author().isBlank() ? "" : " " + o.author())));
        }
        List<String> actions = r.retro().actionItems().stream()
                .filter(a -> Objects.equals(a.findingId(), f.id()))
                .map(a -> "#" + a.id())
                .toList();
        if (!actions.isEmpty()) {
            parts.add("action " + String.join(", ", actions));
        }
        if (!f.open()) {
            parts.add("closed");
        }
        return parts.isEmpty() ? "—" : String.join(" · ", parts);
    }
}
