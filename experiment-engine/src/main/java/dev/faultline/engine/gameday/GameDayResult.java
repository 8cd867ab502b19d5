package dev.faultline.engine.gameday;

import dev.faultline.engine.spi.run.GameDayOutcome;
import dev.faultline.engine.spi.run.RunResult;
import java.util.List;

/**
 * A GameDay's end: its outcome, why, the result of every run in order (a repeated experiment has one
 * per attempt), and the day's steps: each run with what was chosen after its halt, and each
 * experiment that did not run.
 */
public record GameDayResult(
        String gameDayRunId, GameDayOutcome outcome, String reason, List<RunResult> results, List<GameDayStep> steps) {
    public GameDayResult {
        results = List.copyOf(results);
        steps = List.copyOf(steps);
    }

    /** A day whose steps were not kept: one per result, in order. */
    public GameDayResult(String gameDayRunId, GameDayOutcome outcome, String reason, List<RunResult> results) {
        this(
                gameDayRunId,
                outcome,
                reason,
                results,
                java.util.stream.IntStream.range(0, results.size())
                        .mapToObj(i -> new GameDayStep(
                                i, results.get(i).experiment(), results.get(i).runId(), 1, null, ""))
                        .toList());
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
