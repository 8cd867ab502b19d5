package dev.faultline.engine.report;

import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.spi.run.RunEvent;

/** One line per event, for logs, the command line and reports. */
public final class EventText {
    private EventText() {}

    public static String describe(RunEvent e) {
        if (e instanceof RunEvent.RunStarted s) {
            return "run of " + s.experiment() + " started in " + s.environment();
        }
        if (e instanceof RunEvent.PhaseChanged p) {
            return "phase " + p.to();
        }
        if (e instanceof RunEvent.PreflightChecked c) {
            return (c.passed() ? "ok: " : "FAILED: ") + c.check() + ": " + c.detail();
        }
        if (e instanceof RunEvent.ProbeSampled s) {
            return s.sample().probe() + " = "
                    + (s.sample().ok()
                            ? Numbers.format(s.sample().value())
                            : "unreadable (" + s.sample().error() + ")")
                    + (s.sample().within() ? "" : " OUTSIDE tolerance");
        }
        if (e instanceof RunEvent.StepStarted s) {
            return "step " + s.step() + " started: " + s.description();
        }
        if (e instanceof RunEvent.StepFinished s) {
            return "step " + s.step() + " finished: " + s.detail();
        }
        if (e instanceof RunEvent.FaultInjecting f) {
            return "injecting " + f.fault() + " on " + f.target() + " via " + f.backend();
        }
        if (e instanceof RunEvent.FaultInjected f) {
            return "injected " + f.description();
        }
        if (e instanceof RunEvent.FaultInjectFailed f) {
            return "could not inject " + f.step() + ": " + f.reason();
        }
        if (e instanceof RunEvent.FaultReverted f) {
            return "reverted " + f.step()
                    + (f.confirmedGone() ? ", confirmed gone after " : ", NOT confirmed gone after ")
                    + f.timeToRecovery().toMillis() + " ms";
        }
        if (e instanceof RunEvent.FaultRevertFailed f) {
            return "COULD NOT REVERT " + f.step() + ": " + f.reason() + "; by hand: " + f.manualStep();
        }
        if (e instanceof RunEvent.RolloutStageStarted s) {
            return "rollout " + s.step() + ": stage " + s.stage() + " of " + s.stages() + " ("
                    + s.label() + ") " + s.applied()
                    + (s.stage() == 1 ? "" : " in " + s.applyTime().toMillis() + " ms");
        }
        if (e instanceof RunEvent.RolloutStageChecked c) {
            return "rollout " + c.step() + ": stage " + c.stage() + " of " + c.stages() + " (" + c.label() + ") "
                    + (c.held() ? "held" : "did NOT hold") + ": " + c.detail();
        }
        if (e instanceof RunEvent.StopConditionBreached b) {
            return b.detail();
        }
        if (e instanceof RunEvent.RollbackRan r) {
            return (r.ok() ? "rollback " : "ROLLBACK FAILED: ") + r.name() + ": " + r.detail();
        }
        if (e instanceof RunEvent.Halted h) {
            return "HALT: " + h.reason();
        }
        RunEvent.RunFinished f = (RunEvent.RunFinished) e;
        return "finished: " + f.result().summary();
    }
}
