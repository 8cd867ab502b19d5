package dev.faultline.engine.spi.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The result of a run: outcome, per-probe analysis, every fault's fate, and what to do next. */
public record RunResult(
        String runId,
        String experiment,
        String environment,
        RunOutcome outcome,
        String reason,
        Instant startedAt,
        Instant endedAt,
        Impact impact,
        List<ProbeResult> probes,
        List<FaultResult> faults,
        List<RollbackResult> rollbacks,
        List<String> recommendations,
        List<RolloutResult> rollouts) {
    public RunResult {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        probes = List.copyOf(probes);
        faults = List.copyOf(faults);
        rollbacks = List.copyOf(rollbacks);
        recommendations = List.copyOf(recommendations);
        rollouts = List.copyOf(rollouts);
    }

    /** A result without progressive rollouts. */
    public RunResult(
            String runId,
            String experiment,
            String environment,
            RunOutcome outcome,
            String reason,
            Instant startedAt,
            Instant endedAt,
            Impact impact,
            List<ProbeResult> probes,
            List<FaultResult> faults,
            List<RollbackResult> rollbacks,
            List<String> recommendations) {
        this(
                runId,
                experiment,
                environment,
                outcome,
                reason,
                startedAt,
                endedAt,
                impact,
                probes,
                faults,
                rollbacks,
                recommendations,
                List.of());
    }

    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }

    /** One line: "HALTED after 42s: stop condition error-storm: ...". */
    public String summary() {
        return outcome + " after "
                + dev.faultline.engine.model.Durations.format(
                        Duration.ofSeconds(duration().toSeconds())) + ": " + reason;
    }
}
