package dev.faultline.engine.testkit;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.MethodStep.FaultStep;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.runbook.RunbookLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A shipped runbook with its first fault step rolled out over stages instead, for the exporters'
 * tests (Chaos Toolkit, Chaos Mesh, Litmus): each says how its format keeps, or cannot keep, a
 * rollout.
 */
public final class RolledOutRunbook {
    private RolledOutRunbook() {}

    /**
     * The runbook's first fault step rolled out over {@code rollout}, its target without a
     * {@code count} (a rollout's stages give it), and no blast radius to refuse the widest stage.
     */
    public static Experiment of(Path runbook, Rollout rollout) throws Exception {
        Experiment base = new RunbookLoader().load(runbook).experiment();
        FaultStep f = base.faultSteps().getFirst();
        Map<String, String> selector = new TreeMap<>(f.target().selector().values());
        selector.remove("count");
        FaultStep widened = FaultStep.rolledOut(
                f.name(),
                f.lane(),
                f.at(),
                f.backend(),
                f.fault(),
                new Target(f.target().kind(), new Params(selector)),
                rollout);
        return new Experiment(
                base.name(),
                base.title(),
                base.description(),
                base.labels(),
                base.environment(),
                base.hypothesis(),
                base.method().stream()
                        .map(s -> s.name().equals(f.name()) ? (MethodStep) widened : s)
                        .toList(),
                BlastRadius.UNLIMITED,
                base.stopConditions(),
                base.rollbacks(),
                base.timing());
    }
}
