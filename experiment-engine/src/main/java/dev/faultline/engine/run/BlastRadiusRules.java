package dev.faultline.engine.run;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep.FaultStep;
import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.model.Rollout;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the blast radius forbids, checked on the planned timeline: a target outside the allowed
 * list, a share above the maximum, a fault that ends after the maximum duration, too many targets.
 * Used by the runbook loader (with file positions) and by pre-flight.
 */
public final class BlastRadiusRules {
    private BlastRadiusRules() {}

    /** One breach; {@code step} is empty when it concerns the method as a whole. */
    public record Violation(String step, String field, String message) {}

    public static List<Violation> check(Experiment e) {
        BlastRadius br = e.blastRadius();
        List<Violation> out = new ArrayList<>();
        Set<String> targets = new LinkedHashSet<>();
        for (TimelinePlan.Entry entry : TimelinePlan.of(e).entries()) {
            if (!(entry.step() instanceof FaultStep s)) {
                continue;
            }
            targets.add(s.target().label());
            if (!br.allows(s.target())) {
                out.add(new Violation(
                        s.name(),
                        "target",
                        "target " + s.target().label() + " is outside the blast radius " + br.targets()));
            }
            if (s.share() > br.maxShare()) {
                out.add(shareViolation(s, br));
            }
            if (entry.end().compareTo(br.maxDuration()) > 0) {
                out.add(new Violation(
                        s.name(),
                        s.rollout() == null ? "duration" : "rollout.hold",
                        "ends at " + Durations.format(entry.end()) + ", beyond the blast radius maximum of "
                                + Durations.format(br.maxDuration())));
            }
        }
        if (targets.size() > br.maxTargets()) {
            out.add(new Violation(
                    "",
                    "blastRadius.maxTargets",
                    targets.size() + " targets " + targets + ", more than the maximum of " + br.maxTargets()));
        }
        return out;
    }

    /** A rollout's first stage above the maximum is named, since pre-flight judges the widest stage. */
    private static Violation shareViolation(FaultStep s, BlastRadius br) {
        if (!(s.rollout() instanceof Rollout rollout)) {
            return new Violation(
                    s.name(),
                    "share",
                    "share " + pct(s.share()) + " is above the blast radius maximum of " + pct(br.maxShare()));
        }
        List<Double> stages = rollout.stages();
        int i = 0;
        while (stages.get(i) <= br.maxShare()) {
            i++;
        }
        return new Violation(
                s.name(),
                "rollout.stages[" + i + "]",
                "stage " + (i + 1) + " of the rollout (" + pct(stages.get(i))
                        + ") is above the blast radius maximum of " + pct(br.maxShare())
                        + "; lower it or raise blastRadius.maxShare");
    }

    private static String pct(double share) {
        return Numbers.format(share * 100) + "%";
    }
}
