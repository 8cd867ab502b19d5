package dev.faultline.engine.run;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep.FaultStep;
import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.model.Rollout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Integer> targets = new LinkedHashMap<>();
        boolean countRefused = false;
        for (TimelinePlan.Entry entry : TimelinePlan.of(e).entries()) {
            if (!(entry.step() instanceof FaultStep s)) {
                continue;
            }
            int hits = s.rollout() instanceof Rollout r && r.countsTargets()
                    ? r.targetsAt(r.stages().size() - 1)
                    : 1;
            targets.merge(s.target().label(), hits, Math::max);
            if (s.rollout() instanceof Rollout counted && counted.countsTargets() && hits > br.maxTargets()) {
                out.add(countViolation(s, counted, br));
                countRefused = true;
            }
            if (!br.allows(s.target())) {
                out.add(new Violation(
                        s.name(),
                        "target",
                        "target " + s.target().label() + " is outside the blast radius " + br.targets()));
            }
            boolean counts = s.rollout() instanceof Rollout c && c.countsTargets();
            if (s.share() > br.maxShare() && !counts) { // a count of targets is judged in pre-flight, on the matches
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
        int total = targets.values().stream().mapToInt(Integer::intValue).sum();
        if (total > br.maxTargets() && !countRefused) { // a stage above it is named at that stage
            out.add(new Violation(
                    "",
                    "blastRadius.maxTargets",
                    total + " targets " + described(targets) + ", more than the maximum of " + br.maxTargets()));
        }
        return out;
    }

    /** "[proxy/payments, process/worker]", a count of targets named: "[process/worker (3)]". */
    private static String described(Map<String, Integer> targets) {
        return targets.entrySet().stream()
                .map(t -> t.getValue() == 1 ? t.getKey() : t.getKey() + " (" + t.getValue() + ")")
                .toList()
                .toString();
    }

    /** The first stage of a rollout over targets that hits more targets than the blast radius allows. */
    private static Violation countViolation(FaultStep s, Rollout rollout, BlastRadius br) {
        int i = 0;
        while (rollout.targetsAt(i) <= br.maxTargets()) {
            i++;
        }
        return new Violation(
                s.name(),
                "rollout.targets[" + i + "]",
                "stage " + (i + 1) + " of the rollout (" + rollout.label(i)
                        + ") is above the blast radius maximum of " + Rollout.targets(br.maxTargets())
                        + "; lower it or raise blastRadius.maxTargets");
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
