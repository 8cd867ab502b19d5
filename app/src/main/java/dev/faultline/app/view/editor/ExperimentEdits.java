package dev.faultline.app.view.editor;

import dev.faultline.engine.model.Command;
import dev.faultline.engine.model.CommandStep;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Rollout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** The timeline's edits as pure functions from one immutable experiment to the next. */
public final class ExperimentEdits {
    private ExperimentEdits() {}

    public static Experiment withMethod(Experiment e, List<MethodStep> method) {
        return new Experiment(
                e.name(),
                e.title(),
                e.description(),
                e.labels(),
                e.environment(),
                e.hypothesis(),
                method,
                e.blastRadius(),
                e.stopConditions(),
                e.rollbacks(),
                e.timing());
    }

    /** The step moved to start at {@code at} in {@code lane}. */
    public static Experiment move(Experiment e, String step, Duration at, int lane) {
        return replace(e, step, s -> retimed(s, lane, at, s.plannedLength()));
    }

    /** The step with a new planned length. */
    public static Experiment resize(Experiment e, String step, Duration length, @Nullable Duration at) {
        return replace(e, step, s -> retimed(s, s.lane(), at, length));
    }

    public static Experiment delete(Experiment e, String step) {
        return withMethod(
                e, e.method().stream().filter(s -> !s.name().equals(step)).toList());
    }

    public static Experiment add(Experiment e, MethodStep step) {
        List<MethodStep> m = new ArrayList<>(e.method());
        m.add(step);
        return withMethod(e, m);
    }

    /** A copy of the step, named uniquely, starting right after the original in the same lane. */
    public static Experiment duplicate(Experiment e, String step, Duration at) {
        MethodStep s = find(e, step);
        return add(e, renamed(retimed(s, s.lane(), at, s.plannedLength()), uniqueName(e, s.name())));
    }

    public static MethodStep find(Experiment e, String step) {
        return e.method().stream()
                .filter(s -> s.name().equals(step))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step '" + step + "'"));
    }

    public static String uniqueName(Experiment e, String base) {
        String stem = base.replaceAll("-\\d+$", "");
        for (int i = 2; ; i++) {
            String candidate = stem + "-" + i;
            if (e.method().stream().noneMatch(s -> s.name().equals(candidate))) {
                return candidate;
            }
        }
    }

    private static Experiment replace(Experiment e, String step, UnaryOperator<MethodStep> change) {
        find(e, step);
        return withMethod(
                e,
                e.method().stream()
                        .map(s -> s.name().equals(step) ? change.apply(s) : s)
                        .toList());
    }

    static MethodStep retimed(MethodStep s, int lane, @Nullable Duration at, Duration length) {
        if (s instanceof MethodStep.FaultStep f) {
            return f.stages()
                    .map(r -> MethodStep.FaultStep.rolledOut(
                            f.name(), lane, at, f.backend(), f.fault(), f.target(), heldFor(r, length)))
                    .orElseGet(() -> new MethodStep.FaultStep(
                            f.name(), lane, at, length, f.backend(), f.fault(), f.target(), f.share()));
        }
        if (s instanceof MethodStep.WaitStep w) {
            return new MethodStep.WaitStep(w.name(), lane, at, length);
        }
        if (s instanceof CommandStep c) {
            Command k = c.command();
            return new CommandStep(c.name(), lane, at, new Command(k.argv(), length, k.directory(), k.env()));
        }
        MethodStep.WaitUntilStep u = (MethodStep.WaitUntilStep) s;
        return new MethodStep.WaitUntilStep(u.name(), lane, at, u.probe(), length);
    }

    static MethodStep renamed(MethodStep s, String name) {
        if (s instanceof MethodStep.FaultStep f) {
            return new MethodStep.FaultStep(
                    name, f.lane(), f.at(), f.duration(), f.backend(), f.fault(), f.target(), f.share(), f.rollout());
        }
        if (s instanceof MethodStep.WaitStep w) {
            return new MethodStep.WaitStep(name, w.lane(), w.at(), w.duration());
        }
        if (s instanceof CommandStep c) {
            return new CommandStep(name, c.lane(), c.at(), c.command());
        }
        MethodStep.WaitUntilStep u = (MethodStep.WaitUntilStep) s;
        return new MethodStep.WaitUntilStep(name, u.lane(), u.at(), u.probe(), u.timeout());
    }

    /**
     * A rolled-out step lasts its stages' holds: a block stretched to {@code length} shares it out
     * as the hold of each stage (whole seconds, at least one), the stages and checks unchanged.
     */
    private static Rollout heldFor(Rollout r, Duration length) {
        if (length.equals(r.length())) {
            return r;
        }
        long seconds = Math.max(1, length.dividedBy(r.stages().size()).toSeconds());
        return new Rollout(r.stages(), Duration.ofSeconds(seconds), r.check(), r.unit());
    }
}
