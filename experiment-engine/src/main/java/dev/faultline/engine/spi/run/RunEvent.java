package dev.faultline.engine.spi.run;

import dev.faultline.engine.model.Rollout;
import java.time.Duration;
import java.time.Instant;

/**
 * Everything that happens in a run, with its time. The app, the command line and the store all
 * follow the same stream.
 */
public sealed interface RunEvent {

    String runId();

    Instant at();

    /** A short stable name for storage: {@code phase}, {@code sample}, {@code fault-injected}, ... */
    String type();

    record RunStarted(String runId, Instant at, String experiment, String environment, boolean dryRun)
            implements RunEvent {
        public String type() {
            return "run-started";
        }
    }

    record PhaseChanged(String runId, Instant at, RunPhase from, RunPhase to) implements RunEvent {
        public String type() {
            return "phase";
        }
    }

    record PreflightChecked(String runId, Instant at, String check, boolean passed, String detail) implements RunEvent {
        public String type() {
            return "preflight";
        }
    }

    record ProbeSampled(String runId, Instant at, ProbeSample sample) implements RunEvent {
        public String type() {
            return "sample";
        }
    }

    record StepStarted(String runId, Instant at, String step, int lane, String description) implements RunEvent {
        public String type() {
            return "step-started";
        }
    }

    record StepFinished(String runId, Instant at, String step, String detail) implements RunEvent {
        public String type() {
            return "step-finished";
        }
    }

    record FaultInjecting(String runId, Instant at, String step, String backend, String target, String fault)
            implements RunEvent {
        public String type() {
            return "fault-injecting";
        }
    }

    record FaultInjected(String runId, Instant at, String step, String faultId, String description)
            implements RunEvent {
        public String type() {
            return "fault-injected";
        }
    }

    record FaultInjectFailed(String runId, Instant at, String step, String reason) implements RunEvent {
        public String type() {
            return "fault-inject-failed";
        }
    }

    record FaultReverted(
            String runId,
            Instant at,
            String step,
            String faultId,
            boolean confirmedGone,
            Duration timeToRecovery,
            String detail)
            implements RunEvent {
        public String type() {
            return "fault-reverted";
        }
    }

    record FaultRevertFailed(String runId, Instant at, String step, String faultId, String reason, String manualStep)
            implements RunEvent {
        public String type() {
            return "fault-revert-failed";
        }
    }

    record RollbackRan(String runId, Instant at, String name, boolean ok, String detail) implements RunEvent {
        public String type() {
            return "rollback";
        }
    }

    /**
     * A rollout's stage began: its share is in effect ({@code applied}: injected, in place or
     * re-injected), {@code applyTime} after the change was asked for.
     */
    record RolloutStageStarted(
            String runId,
            Instant at,
            String step,
            int stage,
            int stages,
            double share,
            String applied,
            Duration applyTime,
            int targets)
            implements RunEvent {
        public String type() {
            return "rollout-stage-started";
        }

        /** "25%", or "2 targets" for a stage of a rollout over targets. */
        public String label() {
            return targets > 0 ? Rollout.targets(targets) : Rollout.percent(share);
        }
    }

    /**
     * A rollout's stage was checked at its end (or cut short): held or not, and why. {@code targets}
     * is the stage's count of targets, 0 for a share.
     */
    record RolloutStageChecked(
            String runId,
            Instant at,
            String step,
            int stage,
            int stages,
            double share,
            boolean held,
            String detail,
            int targets)
            implements RunEvent {
        public String type() {
            return "rollout-stage-checked";
        }

        /** "25%", or "2 targets". */
        public String label() {
            return targets > 0 ? Rollout.targets(targets) : Rollout.percent(share);
        }
    }

    record StopConditionBreached(String runId, Instant at, String condition, String probe, double value, String detail)
            implements RunEvent {
        public String type() {
            return "breach";
        }
    }

    record Halted(String runId, Instant at, HaltReason reason) implements RunEvent {
        public String type() {
            return "halt";
        }
    }

    record RunFinished(String runId, Instant at, RunResult result) implements RunEvent {
        public String type() {
            return "run-finished";
        }
    }
}
