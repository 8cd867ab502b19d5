package dev.faultline.engine.run;

import dev.faultline.engine.model.MethodStep.FaultStep;
import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.safety.ActiveFault;
import dev.faultline.engine.safety.RevertOutcome;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.engine.spi.FaultShareChange;
import dev.faultline.engine.spi.run.HaltReason;
import dev.faultline.engine.spi.run.ProbeSample;
import dev.faultline.engine.spi.run.RolloutResult;
import dev.faultline.engine.spi.run.RolloutResult.ProbeFigures;
import dev.faultline.engine.spi.run.RolloutResult.Stage;
import dev.faultline.engine.spi.run.RolloutResult.Verdict;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.SampleStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds an injected fault through its rollout's stages: each stage holds, is checked on the
 * samples taken meanwhile, and the next share is applied (in place where the backend can, else by
 * reverting and injecting again) only when it held. A stage that did not hold stops the method
 * ({@link RunContext#stopRollout}); a halt cuts the stage short and its revert is the halt's. The
 * fault keeps its handle and its journal entry through every stage, so the kill switch, and the
 * next start after a crash, revert whatever stage is in effect.
 */
final class RolloutStages {
    private static final Logger log = LoggerFactory.getLogger(RolloutStages.class);

    private final RunContext run;
    private final Consumer<HaltReason> halt;

    RolloutStages(RunContext run, Consumer<HaltReason> halt) {
        this.run = run;
        this.halt = halt;
    }

    /**
     * Runs the stages of the fault injected at {@code injectedAt} (its first stage's share); true
     * when every stage held to its end.
     */
    boolean hold(FaultStep step, Rollout rollout, FaultRequest first, ActiveFault fault, Instant injectedAt) {
        List<Probe> checked = checkedProbes(rollout);
        List<Stage> stages = new ArrayList<>();
        int total = rollout.stages().size();
        try {
            for (int i = 0; i < total; i++) {
                double share = rollout.shareAt(i);
                int targets = rollout.targetsAt(i);
                String label = rollout.label(i);
                Instant asked = i == 0 ? injectedAt : run.now();
                String applied = "injected";
                if (i > 0) {
                    try {
                        applied = apply(
                                rollout.countsTargets() ? first.withTargets(targets) : first.withShare(share), fault);
                    } catch (Exception e) {
                        String why = "fault '" + step.name() + "' could not be widened to stage " + (i + 1) + " ("
                                + label + "): " + Preflight.message(e);
                        stages.add(cutShort(i + 1, share, targets, asked, "could not apply: " + Preflight.message(e)));
                        run.emit(new RunEvent.FaultInjectFailed(run.runId, run.now(), step.name(), why));
                        halt.accept(new HaltReason(HaltReason.Source.METHOD, why));
                        return false;
                    }
                }
                Instant began = run.now();
                Duration applyTime = i == 0 ? Duration.ZERO : Duration.between(asked, began);
                run.emit(new RunEvent.RolloutStageStarted(
                        run.runId, began, step.name(), i + 1, total, share, applied, applyTime, targets));
                boolean heldItsTime = !fault.isRevoked()
                        && run.sleepUnlessHalted(Duration.between(run.now(), began.plus(rollout.hold())));
                Instant ended = run.now();
                List<ProbeFigures> figures = figures(checked, began, ended);
                if (!heldItsTime) {
                    String why = run.haltReason()
                            .map(h -> "ended by the halt: " + h.detail())
                            .orElse("ended early");
                    stages.add(new Stage(
                            i + 1, share, began, ended, applied, applyTime, Verdict.CUT_SHORT, figures, why, targets));
                    run.emit(new RunEvent.RolloutStageChecked(
                            run.runId, ended, step.name(), i + 1, total, share, false, why, targets));
                    return false;
                }
                List<String> off = outside(figures);
                boolean held = off.isEmpty();
                String detail = held ? held(figures) : String.join("; ", off);
                stages.add(new Stage(
                        i + 1,
                        share,
                        began,
                        ended,
                        applied,
                        applyTime,
                        held ? Verdict.HELD : Verdict.DID_NOT_HOLD,
                        figures,
                        detail,
                        targets));
                run.emit(new RunEvent.RolloutStageChecked(
                        run.runId, ended, step.name(), i + 1, total, share, held, detail, targets));
                if (!held) {
                    RolloutResult sofar = result(step, fault, total, stages);
                    run.stopRollout("rollout of " + step.name() + " stopped at stage " + (i + 1) + " of " + total + " ("
                            + label + "): " + detail + "; "
                            + sofar.safeUpToLabel()
                                    .map(safe -> "safe up to " + safe + " of "
                                            + step.target().label())
                                    .orElse("not safe even at the first stage"));
                    return false;
                }
            }
            return true;
        } finally {
            run.addRolloutResult(result(step, fault, total, stages));
        }
    }

    /**
     * Applies the stage's share: in place when the backend can, else reverted and injected again.
     * A halt during the change may have reverted the fault before the change landed: it is reverted
     * once more after the change returns, as after a late injection.
     */
    private String apply(FaultRequest wider, ActiveFault fault) throws Exception {
        FaultBackend backend = fault.backend();
        String how;
        if (backend instanceof FaultShareChange c && c.changesShareInPlace(fault.handle())) {
            run.services
                    .calls()
                    .call(
                            () -> {
                                c.changeShare(wider, fault.handle());
                                return null;
                            },
                            run.services.policy().callTimeout());
            how = "in place";
        } else {
            run.services
                    .calls()
                    .call(
                            () -> {
                                backend.revert(fault.handle());
                                return null;
                            },
                            run.services.policy().callTimeout());
            if (!fault.isRevoked()) {
                run.services
                        .calls()
                        .call(
                                () -> {
                                    backend.inject(wider, fault.handle());
                                    return null;
                                },
                                run.services.policy().callTimeout());
            }
            how = "re-injected";
        }
        if (fault.isRevoked()) {
            RevertOutcome again = run.services.rollbacks().revertAgain(fault, run.now());
            log.info("re-reverted {} after a stage change during a halt: {}", fault, again.detail());
        }
        return how;
    }

    private List<Probe> checkedProbes(Rollout rollout) {
        List<Probe> probes = run.experiment.hypothesis().probes();
        return rollout.checksHypothesis()
                ? probes.stream().filter(Probe::checkedDuring).toList()
                : probes.stream()
                        .filter(p -> rollout.check().contains(p.name()))
                        .toList();
    }

    private List<ProbeFigures> figures(List<Probe> checked, Instant from, Instant to) {
        List<ProbeSample> samples = run.samples();
        return checked.stream()
                .map(p -> new ProbeFigures(
                        p.name(),
                        p.expectText(),
                        SampleStats.of(samples.stream()
                                .filter(s ->
                                        s.probe().equals(p.name()) && !s.at().isBefore(from) && !s.at().isAfter(to))
                                .toList())))
                .toList();
    }

    /** Why a stage did not hold: a probe outside its tolerance, or without a sample to judge. */
    private static List<String> outside(List<ProbeFigures> figures) {
        List<String> off = new ArrayList<>();
        for (ProbeFigures f : figures) {
            SampleStats s = f.stats();
            if (s.count() == 0) {
                off.add(f.probe() + " has no sample in the stage");
            } else if (s.outside() > 0) {
                off.add(f.probe() + " " + s.outside() + " of " + s.count() + " samples outside " + f.expect()
                        + (Double.isNaN(s.min()) ? "" : " (min " + Numbers.format(round(s.min())) + ")"));
            }
        }
        return off;
    }

    private static String held(List<ProbeFigures> figures) {
        return String.join(
                "; ",
                figures.stream()
                        .map(f -> f.probe() + " " + f.stats().count() + " of "
                                + f.stats().count() + " samples within "
                                + f.expect()
                                + (Double.isNaN(f.stats().mean())
                                        ? ""
                                        : " (mean "
                                                + Numbers.format(round(f.stats().mean())) + ")"))
                        .toList());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private Stage cutShort(int number, double share, int targets, Instant asked, String why) {
        Instant now = run.now();
        return new Stage(
                number,
                share,
                asked,
                now,
                "not applied",
                Duration.between(asked, now),
                Verdict.CUT_SHORT,
                List.of(),
                why,
                targets);
    }

    private static RolloutResult result(FaultStep step, ActiveFault fault, int total, List<Stage> stages) {
        return new RolloutResult(
                step.name(), step.target().label(), fault.handle().description(), total, stages);
    }
}
