package dev.faultline.app.view.editor;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.run.TimelinePlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps an edited experiment inside its blast radius the way a person would: a dropped fault takes
 * a target the blast radius already allows (same kind) and a share it permits; what still falls
 * outside widens the blast radius in the same edit, said in words so it can be seen and undone.
 */
final class BlastRadiusFit {
    private BlastRadiusFit() {}

    /**
     * The experiment after a change, with the blast radius widened as far as its faults need.
     *
     * @param changes what was widened, for people ("targets + proxy/orders"); empty when nothing was
     */
    record Widening(Experiment experiment, List<String> changes) {
        boolean widened() {
            return !changes.isEmpty();
        }
    }

    /** The template's fault as a step of {@code e}, aimed inside its blast radius where it can be. */
    static MethodStep.FaultStep fit(Experiment e, FaultTemplate t, String name, int lane, Duration at) {
        BlastRadius br = e.blastRadius();
        Target target = t.target();
        if (!br.allows(target) && target.selector().has("name")) {
            String prefix = target.kind() + "/";
            target = br.targets().stream()
                    .filter(l -> l.startsWith(prefix) && l.length() > prefix.length())
                    .findFirst()
                    .map(l -> new Target(t.target().kind(), Params.of("name", l.substring(prefix.length()))))
                    .orElse(target);
        }
        return new MethodStep.FaultStep(
                name, lane, at, t.duration(), t.backend(), t.fault(), target, Math.min(1.0, br.maxShare()));
    }

    /** {@code e} with its blast radius widened to cover every fault step, and what that took. */
    static Widening widen(Experiment e) {
        BlastRadius br = e.blastRadius();
        List<String> targets = new ArrayList<>(br.targets());
        double share = br.maxShare();
        Duration longest = br.maxDuration();
        Map<String, Integer> hits = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        for (TimelinePlan.Entry entry : TimelinePlan.of(e).entries()) {
            if (!(entry.step() instanceof MethodStep.FaultStep s)) {
                continue;
            }
            String label = s.target().label();
            // a rollout over counts hits its widest count of the target's matches, as BlastRadiusRules counts
            int count = s.rollout() instanceof Rollout r && r.countsTargets()
                    ? r.targetsAt(r.stages().size() - 1)
                    : 0;
            boolean counts = count > 0;
            hits.merge(label, Math.max(1, count), Math::max);
            if (!targets.isEmpty() && !targets.contains(label)) {
                targets.add(label);
                changes.add("targets + " + label);
            }
            // a count's share (each target wholly) is judged in pre-flight on the matches, not here
            if (!counts && s.share() > share) {
                share = s.share();
            }
            if (entry.end().compareTo(longest) > 0) {
                longest = entry.end();
            }
        }
        if (share > br.maxShare()) {
            changes.add("largest share " + Numbers.format(share * 100) + "%");
        }
        if (longest.compareTo(br.maxDuration()) > 0) {
            changes.add("longest fault " + Durations.format(longest));
        }
        int most = Math.max(
                br.maxTargets(),
                hits.values().stream().mapToInt(Integer::intValue).sum());
        if (most > br.maxTargets()) {
            changes.add("most targets " + most);
        }
        if (changes.isEmpty()) {
            return new Widening(e, List.of());
        }
        return new Widening(withBlastRadius(e, new BlastRadius(targets, share, longest, most)), List.copyOf(changes));
    }

    static Experiment withBlastRadius(Experiment e, BlastRadius b) {
        return new Experiment(
                e.name(),
                e.title(),
                e.description(),
                e.labels(),
                e.environment(),
                e.hypothesis(),
                e.method(),
                b,
                e.stopConditions(),
                e.rollbacks(),
                e.timing());
    }

    /** The blast radius in one line, for beside a target: "proxy/payments · share ≤ 50% · 1m · 1 target". */
    static String describe(BlastRadius b) {
        return (b.targets().isEmpty() ? "any target" : String.join(", ", b.targets()))
                + " · share up to " + Numbers.format(b.maxShare() * 100) + "%"
                + " · faults end by " + Durations.format(b.maxDuration())
                + (b.maxTargets() == Integer.MAX_VALUE ? "" : " · at most " + b.maxTargets() + " target(s)");
    }
}
