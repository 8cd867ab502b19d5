package dev.faultline.engine.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The resilience score, 0 to 100 (docs/reports.md, "Resilience score"):
 *
 * <pre>
 * experiment = 100 × (0.6 × H + 0.4 × R) − 20 if a stop condition or the kill switch halted it
 *   H = share of the hypothesis' probes that held (within tolerance during and after)
 *   R = mean over probes of: 1 when it never left its tolerance; max(0, 1 − recovery / 5 min) when it
 *       left and came back; 0 when it did not recover
 * ABORTED runs (nothing injected) have no score; FAILED runs score 0. Clamped to 0..100.
 * GameDay = the mean of its experiments' scores.
 * </pre>
 */
public final class ResilienceScore {
    public static final Duration RECOVERY_SCALE = Duration.ofMinutes(5);
    public static final double HALT_PENALTY = 20;

    private ResilienceScore() {}

    /** A score over time: one per GameDay run. */
    public record Point(String gameDayRunId, Instant at, double score) {}

    /** What the score needs of one probe. */
    public record ProbeOutcome(
            boolean held,
            boolean leftTolerance,
            boolean recovered,
            @Nullable Duration recovery) {}

    /** The experiment's score, or empty when it has none (aborted: nothing was tried). */
    public static OptionalDouble experiment(String outcome, List<ProbeOutcome> probes) {
        if (outcome.equals("ABORTED") || outcome.equals("RUNNING") || outcome.equals("CRASHED") && probes.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (outcome.equals("FAILED")) {
            return OptionalDouble.of(0);
        }
        if (probes.isEmpty()) {
            return OptionalDouble.empty();
        }
        double h = probes.stream().filter(ProbeOutcome::held).count() / (double) probes.size();
        double r =
                probes.stream().mapToDouble(ResilienceScore::recovery).average().orElse(0);
        double s = 100 * (0.6 * h + 0.4 * r) - (outcome.equals("HALTED") ? HALT_PENALTY : 0);
        return OptionalDouble.of(Math.max(0, Math.min(100, s)));
    }

    private static double recovery(ProbeOutcome p) {
        if (!p.leftTolerance()) {
            return 1;
        }
        if (!p.recovered()) {
            return 0;
        }
        if (p.recovery() == null) {
            return 1;
        }
        return Math.max(0, 1 - p.recovery().toMillis() / (double) RECOVERY_SCALE.toMillis());
    }

    public static OptionalDouble gameDay(List<Double> experimentScores) {
        return experimentScores.stream().mapToDouble(Double::doubleValue).average();
    }
}
