package dev.faultline.engine.run;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.MethodStep.FaultStep;
import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.TargetCounts;
import java.util.Optional;

/**
 * Pre-flight of a rollout over counts of targets ({@code targets: [1, 2, 5]}): the backend must be
 * able to hit a count of the targets the selector matches, the selector must match at least the
 * widest stage's count, and that count must stay within the blast radius' share of those matches.
 * The widest count against {@code maxTargets} is judged with the other blast radius rules.
 */
final class TargetCountCheck {
    private final RunnerServices services;

    TargetCountCheck(RunnerServices services) {
        this.services = services;
    }

    PreflightCheck check(FaultStep s, Rollout r, FaultBackend backend, BlastRadius br) {
        String name = "target " + s.target().label();
        int widest = r.targetsAt(r.stages().size() - 1);
        if (!(backend instanceof TargetCounts counts)) {
            return new PreflightCheck(
                    name,
                    false,
                    "backend '" + s.backend() + "' cannot hit a count of targets (step " + s.name()
                            + "); give the rollout shares (stages: [...]) instead of targets");
        }
        Optional<String> cannot = counts.cannotCount(s.target(), s.fault());
        if (cannot.isPresent()) {
            return new PreflightCheck(name, false, cannot.get() + " (step " + s.name() + ")");
        }
        int matching;
        try {
            matching = services.calls()
                    .call(() -> counts.matching(s.target()), services.policy().callTimeout());
        } catch (Exception e) {
            return new PreflightCheck(name, false, Preflight.message(e));
        }
        if (matching < widest) {
            return new PreflightCheck(
                    name,
                    false,
                    s.target().label() + " matches " + Rollout.targets(matching) + ", fewer than the widest stage of "
                            + s.name() + " (" + Rollout.targets(widest) + "); lower its targets or start more");
        }
        double share = (double) widest / matching;
        if (share > br.maxShare() + 1e-9) {
            return new PreflightCheck(
                    name,
                    false,
                    "the widest stage of " + s.name() + " hits " + widest + " of the " + matching + " matches of "
                            + s.target().label() + " (" + pct(share) + "), above the blast radius maxShare of "
                            + pct(br.maxShare()));
        }
        return new PreflightCheck(
                name,
                true,
                Rollout.targets(matching) + " match; the rollout hits "
                        + r.describe().replace(", ", " (") + ")");
    }

    private static String pct(double share) {
        return Numbers.format(share * 100) + "%";
    }
}
