package dev.faultline.engine.gameday;

import dev.faultline.engine.spi.run.GameDayOutcome;
import dev.faultline.engine.spi.run.RunResult;
import java.util.List;

/** A GameDay's end: its outcome, why, and the result of every experiment that ran. */
public record GameDayResult(String gameDayRunId, GameDayOutcome outcome, String reason, List<RunResult> results) {
    public GameDayResult {
        results = List.copyOf(results);
    }

    /** 0 when the day completed and every experiment held, 1 otherwise (3 when Faultline failed). */
    public int exitCode() {
        if (outcome == GameDayOutcome.FAILED) {
            return 3;
        }
        return outcome == GameDayOutcome.COMPLETED
                        && results.stream().allMatch(r -> r.outcome().exitCode() == 0)
                ? 0
                : 1;
    }
}
