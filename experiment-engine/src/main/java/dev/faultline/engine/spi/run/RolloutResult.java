package dev.faultline.engine.spi.run;

import dev.faultline.engine.model.Rollout;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How a fault step's progressive rollout went: each stage reached, with the checked probes'
 * figures and whether it held, and the largest stage that held.
 *
 * @param stagesPlanned how many stages the rollout had; those not reached are not in {@code stages}
 */
public record RolloutResult(String step, String target, String fault, int stagesPlanned, List<Stage> stages) {
    public RolloutResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(fault, "fault");
        stages = List.copyOf(stages);
    }

    /** How a stage ended. */
    public enum Verdict {
        /** Every sample of the checked probes taken while it held was within tolerance. */
        HELD,
        /** A checked probe left its tolerance (or could not be read): the rollout stopped here. */
        DID_NOT_HOLD,
        /** A halt, the kill switch or a failure to apply it ended the stage before its check. */
        CUT_SHORT
    }

    /** One probe's samples while a stage held. */
    public record ProbeFigures(String probe, String expect, SampleStats stats) {
        public ProbeFigures {
            Objects.requireNonNull(probe, "probe");
            Objects.requireNonNull(expect, "expect");
            Objects.requireNonNull(stats, "stats");
        }
    }

    /**
     * One stage reached.
     *
     * @param number    1 for the first stage
     * @param applied   how its share went in: {@code injected} (the first), {@code in place}, {@code re-injected}
     * @param applyTime from asking for the share to the backend's answer
     * @param targets   the count of targets the stage hit, for a rollout over targets; 0 for a share
     */
    public record Stage(
            int number,
            double share,
            Instant startedAt,
            Instant endedAt,
            String applied,
            Duration applyTime,
            Verdict verdict,
            List<ProbeFigures> probes,
            String detail,
            int targets) {
        public Stage {
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(endedAt, "endedAt");
            Objects.requireNonNull(applied, "applied");
            Objects.requireNonNull(applyTime, "applyTime");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(detail, "detail");
            probes = List.copyOf(probes);
            if (targets < 0) {
                throw new IllegalArgumentException("a stage's count of targets is not negative");
            }
        }

        public boolean held() {
            return verdict == Verdict.HELD;
        }

        /** Whether the stage is a count of targets. */
        public boolean countsTargets() {
            return targets > 0;
        }

        /** "25%", or "2 targets". */
        public String label() {
            return countsTargets() ? Rollout.targets(targets) : Rollout.percent(share);
        }
    }

    /** The largest share whose stage held; empty when the first did not, and for a rollout over targets. */
    public OptionalDouble safeUpTo() {
        return stages.stream()
                .filter(s -> s.held() && !s.countsTargets())
                .mapToDouble(Stage::share)
                .max();
    }

    /** The largest count of targets whose stage held; empty when none did, and for a rollout over shares. */
    public OptionalInt safeUpToTargets() {
        return stages.stream()
                .filter(s -> s.held() && s.countsTargets())
                .mapToInt(Stage::targets)
                .max();
    }

    /** The largest stage that held, for people: "25%", "2 targets"; empty when none held. */
    public Optional<String> safeUpToLabel() {
        return stages.stream().filter(Stage::held).reduce((a, b) -> b).map(Stage::label);
    }

    /** The stage the rollout stopped at because it did not hold, if it did. */
    public Optional<Stage> brokeAt() {
        return stages.stream().filter(s -> s.verdict() == Verdict.DID_NOT_HOLD).findFirst();
    }

    /** Whether every planned stage held. */
    public boolean completed() {
        return stages.size() == stagesPlanned && stages.stream().allMatch(Stage::held);
    }

    /**
     * The rollout's outcome in one sentence, without the figures, for a report's or a message's
     * heading: "Safe up to 25% of httpProxy/payments-http (HTTP 503 on POST /pay): it did not hold at
     * 90% (stage 3 of 3).", "Held at every stage: safe up to 100% of ...", "Never held: not safe even at
     * 5% of ..., the first of 3 stages.".
     */
    public String headline() {
        String of = " of " + target + " (" + fault + ")";
        Optional<String> safe = safeUpToLabel();
        if (completed()) {
            return "Held at every stage: safe up to " + safe.orElse("") + of + ", all " + stagesPlanned + " stages.";
        }
        if (stages.isEmpty()) {
            return "No stage began" + of + ".";
        }
        Optional<Stage> broke = brokeAt();
        Stage last = broke.orElse(stages.getLast());
        String where = last.label() + " (stage " + last.number() + " of " + stagesPlanned + ")";
        if (safe.isEmpty()) {
            return broke.isPresent()
                    ? "Never held: not safe even at " + last.label() + of + ", the first of " + stagesPlanned
                            + " stages."
                    : "No stage held" + of + ": the rollout was cut short at " + where + ".";
        }
        String upTo = "Safe up to " + safe.get() + of;
        return broke.isPresent()
                ? upTo + ": it did not hold at " + where + "."
                : upTo + " so far: the rollout was cut short at " + where + ".";
    }

    /**
     * One line: "safe up to 25% of httpProxy/payments-http (HTTP 503 on POST /pay); did not hold at
     * stage 3 of 3 (100%): ...".
     */
    public String summary() {
        Optional<String> safe = safeUpToLabel();
        String upTo = safe.isPresent()
                ? "safe up to " + safe.get() + " of " + target + " (" + fault + ")"
                : "not safe at the first stage on " + target + " (" + fault + ")";
        if (completed()) {
            return upTo + ": every stage of " + stagesPlanned + " held";
        }
        Optional<Stage> broke = brokeAt();
        if (broke.isPresent()) {
            Stage s = broke.get();
            return upTo + "; did not hold at stage " + s.number() + " of " + stagesPlanned + " (" + s.label() + "): "
                    + s.detail();
        }
        Stage last = stages.isEmpty() ? null : stages.getLast();
        return upTo
                + (last == null
                        ? "; no stage began"
                        : "; stage " + last.number() + " of " + stagesPlanned + " (" + last.label()
                                + ") was cut short: " + last.detail());
    }
}
