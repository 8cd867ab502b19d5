package dev.faultline.engine.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * A halt by a stop condition the experiment declares expected ({@code haltExpected}) is its outcome:
 *   H = 1 and no penalty; R counts as usual (the system must still come back).
 * A halt by the kill switch while every probe was within its tolerance (a drill, or a person's call
 *   before anything went wrong) is not the system's failure: the probes count as held until the
 *   halt and no penalty (the final verification it skipped cannot count against it).
 * ABORTED runs (nothing injected) and ABANDONED ones (the runner lost) have no score; FAILED runs score 0. Clamped to 0..100.
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

    /**
     * How an experiment's score came about, for the report: the shares that counted and why.
     *
     * @param held     H, the share of probes counted as held (1 for an expected halt)
     * @param recovery R, the mean recovery share
     * @param penalty  the points taken off for an unexpected halt
     * @param expectedHalt halted by a stop condition the experiment declares its expected outcome
     * @param text     one or two sentences for people
     */
    public record Explanation(
            double score, double held, double recovery, double penalty, boolean expectedHalt, String text) {}

    /** The experiment's score, or empty when it has none (aborted: nothing was tried). */
    public static OptionalDouble experiment(String outcome, List<ProbeOutcome> probes) {
        return experiment(outcome, probes, false);
    }

    /** As above; {@code haltExpected}: it was halted by a stop condition it declares expected. */
    public static OptionalDouble experiment(String outcome, List<ProbeOutcome> probes, boolean haltExpected) {
        return explain(outcome, probes, haltExpected)
                .map(x -> OptionalDouble.of(x.score()))
                .orElse(OptionalDouble.empty());
    }

    /** The score with what counted, or empty when the experiment has no score. */
    public static Optional<Explanation> explain(String outcome, List<ProbeOutcome> probes, boolean haltExpected) {
        return explain(outcome, probes, haltExpected, false);
    }

    /**
     * As above; {@code byKillSwitch}: a person's kill switch halted it (not a stop condition). While
     * every probe was still within its tolerance, that halt is no failure of the system.
     */
    public static Optional<Explanation> explain(
            String outcome, List<ProbeOutcome> probes, boolean haltExpected, boolean byKillSwitch) {
        if (outcome.equals("ABORTED")
                || outcome.equals("RUNNING")
                || outcome.equals("ABANDONED")
                || outcome.equals("CRASHED") && probes.isEmpty()) {
            return Optional.empty();
        }
        if (outcome.equals("FAILED")) {
            return Optional.of(new Explanation(
                    0, 0, 0, 0, false, "0: the run failed (a fault could not be injected or reverted as planned)."));
        }
        if (probes.isEmpty()) {
            return Optional.empty();
        }
        boolean halted = outcome.equals("HALTED");
        boolean expected = halted && haltExpected;
        boolean drill = halted && byKillSwitch && probes.stream().noneMatch(ProbeOutcome::leftTolerance);
        // the kill switch skips the final verification: a probe within its tolerance until then held
        long heldCount = probes.stream()
                .filter(p -> p.held() || halted && byKillSwitch && !p.leftTolerance())
                .count();
        double h = expected || drill ? 1 : heldCount / (double) probes.size();
        double r =
                probes.stream().mapToDouble(ResilienceScore::recovery).average().orElse(0);
        double penalty = halted && !expected && !drill ? HALT_PENALTY : 0;
        double s = Math.max(0, Math.min(100, 100 * (0.6 * h + 0.4 * r) - penalty));
        String held = expected
                ? "halted by its stop condition, the outcome this experiment expected: counted as held"
                : drill
                        ? "halted by the kill switch with every probe within its tolerance (a drill or a"
                                + " person's call, not a failure): counted as held"
                        : heldCount + " of " + probes.size() + " probes held";
        String text = ReportText.score(s) + " = 60% × " + held + " (" + pct(h) + ") + 40% × recovery ("
                + pct(r) + ")" + (penalty > 0 ? ", 20 points off: a stop condition or the kill switch halted it" : "")
                + ".";
        return Optional.of(new Explanation(s, h, r, penalty, expected, text));
    }

    private static String pct(double share) {
        return Math.round(share * 100) + "%";
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
