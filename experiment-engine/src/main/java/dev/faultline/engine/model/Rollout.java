package dev.faultline.engine.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A fault step's progressive rollout: its fault goes in at the first stage's share, and each stage
 * widens it to the next share only when the previous one kept the checked probes within their
 * tolerance. The step lasts {@code hold} per stage, and its share is the widest stage, so the blast
 * radius judges the widest stage and the whole length before anything starts.
 *
 * @param stages shares of traffic or targets, each above 0% and at most 100%, strictly increasing
 * @param hold   how long each stage holds before it is checked
 * @param check  the hypothesis probes checked at the end of each stage; empty: the whole hypothesis
 */
public record Rollout(List<Double> stages, Duration hold, List<String> check) {
    /** More stages than this is a ramp, not a rollout. */
    public static final int MAX_STAGES = 20;

    public Rollout {
        stages = List.copyOf(stages);
        check = List.copyOf(check);
        Objects.requireNonNull(hold, "hold");
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a rollout needs at least one stage, e.g. stages: [5%, 25%, 100%]");
        }
        if (stages.size() > MAX_STAGES) {
            throw new IllegalArgumentException("a rollout has at most " + MAX_STAGES + " stages, not " + stages.size());
        }
        for (int i = 0; i < stages.size(); i++) {
            double s = stages.get(i);
            if (!(s > 0 && s <= 1)) {
                throw new IllegalArgumentException("stage " + (i + 1) + " must be above 0% and at most 100%");
            }
            if (i > 0 && s <= stages.get(i - 1)) {
                throw new IllegalArgumentException("stages must increase: stage " + (i + 1) + " (" + percent(s)
                        + ") is not wider than stage " + i + " (" + percent(stages.get(i - 1)) + ")");
            }
        }
        if (hold.isNegative() || hold.isZero()) {
            throw new IllegalArgumentException("hold must be positive");
        }
        Limits.atMost(hold, Limits.SPAN_MAX, "hold");
        if (check.stream().distinct().count() != check.size()) {
            throw new IllegalArgumentException("check names a probe twice");
        }
    }

    /** The widest stage: the share the blast radius must allow. */
    public double widest() {
        return stages.getLast();
    }

    /** How long the step lasts when every stage holds. */
    public Duration length() {
        return hold.multipliedBy(stages.size());
    }

    /** Whether the whole hypothesis is checked at each stage's end (no probe named). */
    public boolean checksHypothesis() {
        return check.isEmpty();
    }

    /** "1% → 5% → 25% → 100%, 10s each". */
    public String describe() {
        return stages.stream().map(Rollout::percent).collect(Collectors.joining(" → ")) + ", " + Durations.format(hold)
                + " each";
    }

    /** A share for people: "25%", "0.5%". */
    public static String percent(double share) {
        return Numbers.format(share * 100) + "%";
    }
}
