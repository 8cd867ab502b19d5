package dev.faultline.engine.run;

import dev.faultline.engine.safety.ActiveFault;
import dev.faultline.engine.spi.run.FaultResult;
import dev.faultline.engine.spi.run.ProbeResult;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Assembles a run's result from what the run recorded. */
final class ResultBuilder {
    private final RunContext run;
    private final ResultAnalyzer analyzer = new ResultAnalyzer();

    ResultBuilder(RunContext run) {
        this.run = run;
    }

    /**
     * The result; a run that left anything not undone (a fault, a declared rollback) ends FAILED
     * whatever the hypothesis did, with what is left first in its reason.
     */
    RunResult build(RunOutcome outcome, @Nullable String reason, Instant startedAt, @Nullable Instant faultsEnded) {
        List<FaultResult> faults = run.faultResults();
        List<ProbeResult> probes = analyzer.probes(run.experiment, run.samples(), faults, faultsEnded);
        String why = reason != null
                ? reason
                : run.haltReason().map(h -> h.detail()).orElseGet(() -> explain(outcome, probes));
        List<ActiveFault> stillActive = run.services.active().snapshot().stream()
                .filter(f -> f.runId().equals(run.runId))
                .toList();
        Undone undone = Undone.of(faults, stillActive, run.rollbackResults());
        RunOutcome ended = outcome;
        if (undone.any()) {
            ended = RunOutcome.FAILED;
            why = undone.describe() + ". Otherwise the run "
                    + (outcome == RunOutcome.FAILED ? "failed" : outcome.name()) + ": " + why;
        }
        return new RunResult(
                run.runId,
                run.experiment.name(),
                run.environment.name(),
                ended,
                why,
                startedAt,
                run.now(),
                ResultAnalyzer.overall(probes),
                probes,
                faults,
                run.rollbackResults(),
                analyzer.recommendations(ended, probes, faults),
                run.rolloutResults());
    }

    private static String explain(RunOutcome outcome, List<ProbeResult> probes) {
        if (outcome == RunOutcome.HELD) {
            long during = probes.stream().filter(ProbeResult::checkedDuring).count();
            return "the hypothesis held: " + probes.size() + " probe(s) within tolerance at the baseline and the final"
                    + " verification" + (during == 0 ? "" : ", " + during + " of them also under the faults");
        }
        List<String> off = probes.stream()
                .filter(p -> !p.held())
                .map(p -> p.probe() + " (" + p.expect() + ": "
                        + (p.recovered()
                                ? p.during().outside() + " of " + p.during().count()
                                        + " samples outside during the faults"
                                : "not within tolerance at the final verification")
                        + ")")
                .toList();
        return "the hypothesis did not hold: " + String.join("; ", off);
    }
}
