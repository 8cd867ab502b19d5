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
 * <p>Stages are shares ({@link Unit#SHARE}: of traffic or of the targets a selector matches), or
 * counts of targets ({@link Unit#TARGETS}: {@code targets: [1, 2, 5]}, each fault hitting that many
 * of the targets its selector matches, each of them wholly).
 *
 * @param stages shares, each above 0% and at most 100%; or whole counts of targets from 1 to
 *               {@value #MAX_TARGETS}; strictly increasing
 * @param hold   how long each stage holds before it is checked
 * @param check  the hypothesis probes checked at the end of each stage; empty: the whole hypothesis
 * @param unit   what a stage counts
 */
public record Rollout(List<Double> stages, Duration hold, List<String> check, Unit unit) {
    /** More stages than this is a ramp, not a rollout. */
    public static final int MAX_STAGES = 20;

    /** A stage hits at most this many targets. */
    public static final int MAX_TARGETS = 1000;

    /** What a rollout's stages count. */
    public enum Unit {
        /** Shares of traffic or of the matching targets ({@code stages: [5%, 25%, 100%]}). */
        SHARE,
        /** Counts of targets ({@code targets: [1, 2, 5]}). */
        TARGETS
    }

    public Rollout {
        stages = List.copyOf(stages);
        check = List.copyOf(check);
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(unit, "unit");
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a rollout needs at least one stage, e.g. stages: [5%, 25%, 100%]");
        }
        if (stages.size() > MAX_STAGES) {
            throw new IllegalArgumentException("a rollout has at most " + MAX_STAGES + " stages, not " + stages.size());
        }
        for (int i = 0; i < stages.size(); i++) {
            double s = stages.get(i);
            if (unit == Unit.SHARE && !(s > 0 && s <= 1)) {
                throw new IllegalArgumentException("stage " + (i + 1) + " must be above 0% and at most 100%");
            }
            if (unit == Unit.TARGETS && !(s >= 1 && s <= MAX_TARGETS && s == Math.rint(s))) {
                throw new IllegalArgumentException(
                        "stage " + (i + 1) + " must be a whole count of targets from 1 to " + MAX_TARGETS);
            }
            if (i > 0 && s <= stages.get(i - 1)) {
                throw new IllegalArgumentException("stages must increase: stage " + (i + 1) + " ("
                        + label(unit, s) + ") is not wider than stage " + i + " ("
                        + label(unit, stages.get(i - 1)) + ")");
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

    /** A rollout over shares. */
    public Rollout(List<Double> stages, Duration hold, List<String> check) {
        this(stages, hold, check, Unit.SHARE);
    }

    /** A rollout over counts of targets: {@code targets: [1, 2, 5]}. */
    public static Rollout ofTargets(List<Integer> counts, Duration hold, List<String> check) {
        return new Rollout(counts.stream().map(Integer::doubleValue).toList(), hold, check, Unit.TARGETS);
    }

    /** The widest stage: a share, or a count of targets. */
    public double widest() {
        return stages.getLast();
    }

    /** Whether the stages are counts of targets. */
    public boolean countsTargets() {
        return unit == Unit.TARGETS;
    }

    /**
     * The share of the step at its widest stage: the widest share, or 100% for counts of targets
     * (each target counted is hit wholly).
     */
    public double widestShare() {
        return countsTargets() ? 1.0 : widest();
    }

    /** The share a stage's fault goes in at: its share, or 100% of each of its targets. */
    public double shareAt(int index) {
        return countsTargets() ? 1.0 : stages.get(index);
    }

    /** The count of targets a stage hits; 0 for a share. */
    public int targetsAt(int index) {
        return countsTargets() ? (int) Math.round(stages.get(index)) : 0;
    }

    /** A stage for people: "25%", "2 targets". */
    public String label(int index) {
        return label(unit, stages.get(index));
    }

    /** A stage's value for people: "25%" for a share, "1 target", "5 targets" for a count. */
    public static String label(Unit unit, double value) {
        return unit == Unit.SHARE ? percent(value) : targets((int) Math.round(value));
    }

    /** "1 target", "5 targets". */
    public static String targets(int count) {
        return count + (count == 1 ? " target" : " targets");
    }

    /** How long the step lasts when every stage holds. */
    public Duration length() {
        return hold.multipliedBy(stages.size());
    }

    /** Whether the whole hypothesis is checked at each stage's end (no probe named). */
    public boolean checksHypothesis() {
        return check.isEmpty();
    }

    /** "1% → 5% → 25% → 100%, 10s each", "1 target → 2 targets, 10s each". */
    public String describe() {
        return stages.stream().map(v -> label(unit, v)).collect(Collectors.joining(" → ")) + ", "
                + Durations.format(hold)
                + " each";
    }

    /**
     * The stages before the widest, for people ("1% → 5%", "1 target → 2 targets"), as a format that
     * only has the widest stage leaves them out; empty for a rollout of one stage.
     */
    public String narrower() {
        return stages.subList(0, stages.size() - 1).stream()
                .map(v -> label(unit, v))
                .collect(Collectors.joining(" → "));
    }

    /** A share for people: "25%", "0.5%". */
    public static String percent(double share) {
        return Numbers.format(share * 100) + "%";
    }
}
