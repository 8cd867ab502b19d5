package dev.faultline.engine.report;

import dev.faultline.engine.spi.run.RolloutResult;
import dev.faultline.engine.spi.run.RolloutResult.ProbeFigures;
import dev.faultline.engine.spi.run.RolloutResult.Stage;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/** A rollout's stage table as every report format shows it: the same columns and words in each. */
public final class RolloutText {
    private RolloutText() {}

    /**
     * The columns of a stage's row, in the order {@link #row} gives them: the second is "Targets" for a
     * rollout over counts of targets ({@code targets: [1, 2, 5]}), "Share" for one over shares.
     */
    public static List<String> columns(RolloutResult o) {
        boolean counts = o.stages().stream().anyMatch(Stage::countsTargets);
        return List.of("Stage", counts ? "Targets" : "Share", "From", "To", "Applied", "Checked probes", "Held");
    }

    /** "Rollout of payments-failing". */
    public static String title(RolloutResult o) {
        return "Rollout of " + o.step();
    }

    /** One stage's cells, in the order of {@link #columns}. */
    public static List<String> row(RolloutResult o, Stage s, ZoneId z) {
        return List.of(
                s.number() + " of " + o.stagesPlanned(),
                s.label(),
                ReportText.time(s.startedAt(), z),
                ReportText.time(s.endedAt(), z),
                applied(s),
                probes(s.probes()),
                verdict(s));
    }

    /** How many planned stages the rollout did not reach, as a sentence; empty when it reached them all. */
    public static String notReached(RolloutResult o) {
        int left = o.stagesPlanned() - o.stages().size();
        return left <= 0 ? "" : left == 1 ? "1 more stage was not reached." : left + " more stages were not reached.";
    }

    static String applied(Stage s) {
        return s.number() == 1
                ? s.applied()
                : s.applied() + " in " + Math.max(0, s.applyTime().toMillis()) + " ms";
    }

    /** "held", "did not hold: DETAIL", "cut short: DETAIL". */
    public static String verdict(Stage s) {
        return switch (s.verdict()) {
            case HELD -> "held";
            case DID_NOT_HOLD -> "did not hold: " + s.detail();
            case CUT_SHORT -> "cut short: " + s.detail();
        };
    }

    /** "order-success-ratio mean 97.5%, min 95.0% (4 samples, 0 outside)". */
    static String probes(List<ProbeFigures> figures) {
        if (figures.isEmpty()) {
            return "—";
        }
        return figures.stream()
                .map(f -> f.probe() + " mean " + ReportText.value(f.stats().mean(), f.expect()) + ", min "
                        + ReportText.value(f.stats().min(), f.expect()) + " ("
                        + f.stats().count() + " samples, "
                        + f.stats().outside() + " outside)")
                .collect(Collectors.joining("; "));
    }
}
