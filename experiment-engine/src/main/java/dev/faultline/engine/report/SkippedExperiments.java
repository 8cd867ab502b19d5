package dev.faultline.engine.report;

import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.GameDayRunRecord;
import dev.faultline.engine.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The experiments a GameDay run planned and never started (the kill switch, a stop of the day). */
public final class SkippedExperiments {
    private SkippedExperiments() {}

    /** In plan order; empty when the GameDay's runbook cannot be read back (an older schema). */
    public static List<Report.Skipped> of(FaultlineStore store, GameDayRunRecord run) throws StoreException {
        Optional<GameDay> plan = plan(store, run);
        if (plan.isEmpty()) {
            return List.of();
        }
        return of(plan.get(), store.gameDays().startedPositions(run.id()));
    }

    static List<Report.Skipped> of(GameDay plan, Set<Integer> started) {
        List<Report.Skipped> out = new ArrayList<>();
        for (int i = 0; i < plan.experiments().size(); i++) {
            if (!started.contains(i)) {
                out.add(new Report.Skipped(i, plan.experiments().get(i)));
            }
        }
        return out;
    }

    static Optional<GameDay> plan(FaultlineStore store, GameDayRunRecord run) throws StoreException {
        Optional<String> text = store.gameDays().runbookOf(run.id());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RunbookLoader()
                    .parseGameDay(text.get(), run.name() + ".yaml")
                    .gameDay());
        } catch (RunbookException e) {
            return Optional.empty();
        }
    }
}
