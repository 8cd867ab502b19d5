package dev.faultline.reports;

import dev.faultline.engine.report.Report;
import dev.faultline.engine.report.RolloutText;
import dev.faultline.engine.spi.run.RolloutResult;
import java.time.ZoneId;
import java.util.List;

/** An experiment's progressive rollouts: for each, how far it was safe in a sentence and a row per stage reached. */
final class RolloutSection {
    private RolloutSection() {}

    static void write(Xhtml h, Report.Experiment e, ZoneId z) {
        for (RolloutResult o : e.rollouts()) {
            h.open("div", o.stages().size() <= 12 ? "keep rollout" : "rollout");
            h.el("h4", "", RolloutText.title(o));
            h.el("p", o.safeUpTo().isPresent() ? "" : "no", o.headline());
            h.open("table", "stages").headRow(RolloutText.columns(o).toArray(String[]::new));
            for (RolloutResult.Stage s : o.stages()) {
                List<String> cells = RolloutText.row(o, s, z);
                h.open("tr", "");
                for (int i = 0; i < cells.size() - 1; i++) {
                    h.el("td", "", cells.get(i));
                }
                h.el("td", s.held() ? "" : "no", cells.getLast()).close("tr");
            }
            h.close("table");
            String left = RolloutText.notReached(o);
            if (!left.isEmpty()) {
                h.el("p", "muted", left);
            }
            h.close("div");
        }
    }
}
