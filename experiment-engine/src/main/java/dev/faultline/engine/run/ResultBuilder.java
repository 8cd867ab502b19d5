package dev.faultline.engine.run;

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

    RunResult build(RunOutcome outcome, @Nullable String reason, Instant startedAt, @Nullable Instant faultsEnded) {
        List<FaultResult> faults = run.faultResults();
        List<ProbeResult> probes = analyzer.probes(run.experiment, run.samples(), faults, faultsEnded);
        String why = reason != null ? reason
                : run.haltReason().map(h -> h.detail()).orElseGet(() -> explain(outcome, probes));
        long unconfirmed = faults.stream().filter(FaultResult::needsAttention).count();
        if (unconfirmed > 0) {
            why += "; " + unconfirmed + " fault(s) NOT confirmed gone, see the manual steps";
        }
        long failedRollbacks = run.rollbackResults().stream().filter(r -> !r.ok()).count();
        if (failedRollbacks > 0) {
            why += "; " + failedRollbacks + " rollback(s) FAILED";
        }
        return new RunResult(run.runId, run.experiment.name(), run.environment.name(), outcome, why, startedAt,
                run.now(), ResultAnalyzer.overall(probes), probes, faults, run.rollbackResults(),
                analyzer.recommendations(outcome, probes, faults));
    }

    private static String explain(RunOutcome outcome, List<ProbeResult> probes) {
        if (outcome == RunOutcome.HELD) {
            long during = probes.stream().filter(ProbeResult::checkedDuring).count();
            return "the hypothesis held: " + probes.size() + " probe(s) within tolerance at the baseline and the final"
                    + " verification" + (during == 0 ? "" : ", " + during + " of them also under the faults");
        }
        List<String> off = probes.stream().filter(p -> !p.held()).map(p -> p.probe() + " (" + p.expect() + ": "
                + (p.recovered() ? p.during().outside() + " of " + p.during().count() + " samples outside during the faults"
                : "not within tolerance at the final verification") + ")").toList();
        return "the hypothesis did not hold: " + String.join("; ", off);
    }
}
