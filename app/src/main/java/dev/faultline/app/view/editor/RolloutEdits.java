package dev.faultline.app.view.editor;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.MethodStep.FaultStep;
import dev.faultline.engine.model.Rollout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A fault step's progressive rollout edited from the property sheet, as pure functions from one
 * experiment to the next: rolled out in stages, back to one share, a stage added or the last one
 * removed. The step keeps its place and its length where it can.
 */
final class RolloutEdits {
    /** The stages a step is rolled out in at first, those up to its share. */
    static final List<Double> FIRST_STAGES = List.of(0.01, 0.05, 0.25, 1.0);

    private RolloutEdits() {}

    /**
     * The step rolled out in stages up to its share (1%, 5%, 25%, 100%, the last being its share),
     * each holding an equal part of its length (whole seconds, at least one).
     */
    static Experiment rollOut(Experiment e, String step) {
        return change(e, step, f -> {
            if (f.rollout() != null) {
                return f;
            }
            List<Double> stages = new ArrayList<>(
                    FIRST_STAGES.stream().filter(s -> s < f.share()).toList());
            stages.add(f.share());
            return withRollout(f, new Rollout(stages, hold(f.duration(), stages.size()), List.of()));
        });
    }

    /** The step back to one share, its widest stage's, for the rollout's whole length. */
    static Experiment noRollout(Experiment e, String step) {
        return change(
                e,
                step,
                f -> f.rollout() == null
                        ? f
                        : new FaultStep(
                                f.name(),
                                f.lane(),
                                f.at(),
                                f.duration(),
                                f.backend(),
                                f.fault(),
                                f.target(),
                                f.share()));
    }

    /**
     * One more stage: the last one doubled (at most 100%), or, when the last is 100%, halfway
     * between it and the stage before.
     */
    static Experiment addStage(Experiment e, String step) {
        return change(e, step, f -> {
            Rollout r = rollout(f);
            List<Double> stages = new ArrayList<>(r.stages());
            double last = stages.getLast();
            if (r.countsTargets()) {
                if (last >= Rollout.MAX_TARGETS) {
                    throw new IllegalArgumentException("a stage hits at most " + Rollout.MAX_TARGETS + " targets");
                }
                stages.add(Math.min(Rollout.MAX_TARGETS, last * 2));
            } else if (last < 1) {
                stages.add(Math.min(1.0, whole(last * 2)));
            } else {
                double before = stages.size() > 1 ? stages.get(stages.size() - 2) : 0;
                double mid = whole((before + last) / 2);
                if (mid <= before || mid >= last) {
                    throw new IllegalArgumentException("no room for another stage below 100%: edit the stages instead");
                }
                stages.add(stages.size() - 1, mid);
            }
            return withRollout(f, new Rollout(stages, r.hold(), r.check(), r.unit()));
        });
    }

    /** The last stage removed; the one before becomes the widest. A rollout keeps at least one stage. */
    static Experiment removeStage(Experiment e, String step) {
        return change(e, step, f -> {
            Rollout r = rollout(f);
            if (r.stages().size() == 1) {
                throw new IllegalArgumentException("a rollout keeps at least one stage: choose 'One share' instead");
            }
            return withRollout(
                    f, new Rollout(r.stages().subList(0, r.stages().size() - 1), r.hold(), r.check(), r.unit()));
        });
    }

    /**
     * The stages as counts of targets ({@code targets: [1, 2, 4]}): as many stages as before (at most
     * the blast radius' {@code maxTargets}), doubling from one target, the hold and check kept.
     */
    static Experiment countTargets(Experiment e, String step) {
        return change(e, step, f -> {
            Rollout r = rollout(f);
            if (r.countsTargets()) {
                return f;
            }
            int most = Math.min(Rollout.MAX_TARGETS, e.blastRadius().maxTargets());
            List<Integer> counts = new ArrayList<>();
            for (int c = 1; counts.size() < r.stages().size() && c <= most; c *= 2) {
                counts.add(c);
            }
            return withRollout(f, Rollout.ofTargets(counts, r.hold(), r.check()));
        });
    }

    /** The stages as shares again (1%, 5%, 25%, up to the blast radius' maxShare), the hold and check kept. */
    static Experiment useShares(Experiment e, String step) {
        return change(e, step, f -> {
            Rollout r = rollout(f);
            if (!r.countsTargets()) {
                return f;
            }
            double widest = e.blastRadius().maxShare();
            List<Double> stages = new ArrayList<>(
                    FIRST_STAGES.stream().filter(s -> s < widest).toList());
            stages.add(widest);
            return withRollout(f, new Rollout(stages, r.hold(), r.check()));
        });
    }

    /**
     * The runbook field the property sheet edits a rollout's stages in: {@code targets} for counts
     * of targets, {@code stages} for shares (so typed counts are read as counts, not as shares).
     */
    static String stagesField(String rollout, Rollout r) {
        return rollout + (r.countsTargets() ? ".targets" : ".stages");
    }

    /** "1→5→25→100%", "1→2→5 targets": the stages as the timeline's block shows them. */
    static String stages(Rollout r) {
        if (r.countsTargets()) {
            return String.join(
                            "→",
                            r.stages().stream()
                                    .map(c -> Long.toString(Math.round(c)))
                                    .toList())
                    + (r.widest() == 1 ? " target" : " targets");
        }
        List<String> parts = new ArrayList<>();
        for (double s : r.stages()) {
            parts.add(Rollout.percent(s).replace("%", ""));
        }
        return String.join("→", parts) + "%";
    }

    private static Rollout rollout(FaultStep f) {
        Rollout r = f.rollout();
        if (r == null) {
            throw new IllegalArgumentException("step '" + f.name() + "' is not rolled out in stages");
        }
        return r;
    }

    private static FaultStep withRollout(FaultStep f, Rollout r) {
        return FaultStep.rolledOut(f.name(), f.lane(), f.at(), f.backend(), f.fault(), f.target(), r);
    }

    private static Duration hold(Duration length, int stages) {
        return Duration.ofSeconds(Math.max(1, length.dividedBy(stages).toSeconds()));
    }

    /** A share to a whole percent, at least 1%. */
    private static double whole(double share) {
        return Math.max(1, Math.round(share * 100)) / 100.0;
    }

    private static Experiment change(Experiment e, String step, UnaryOperator<FaultStep> change) {
        if (!(ExperimentEdits.find(e, step) instanceof FaultStep)) {
            throw new IllegalArgumentException("step '" + step + "' injects no fault: only a fault is rolled out");
        }
        return ExperimentEdits.withMethod(
                e,
                e.method().stream()
                        .map(s -> s.name().equals(step) && s instanceof FaultStep f ? (MethodStep) change.apply(f) : s)
                        .toList());
    }
}
