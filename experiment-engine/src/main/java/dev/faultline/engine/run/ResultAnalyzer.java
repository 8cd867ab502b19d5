package dev.faultline.engine.run;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.spi.run.FaultResult;
import dev.faultline.engine.spi.run.Impact;
import dev.faultline.engine.spi.run.ProbeResult;
import dev.faultline.engine.spi.run.ProbeSample;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunPhase;
import dev.faultline.engine.spi.run.SampleStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Turns a run's samples and fault outcomes into per-probe results, an impact and recommendations. */
final class ResultAnalyzer {

    /**
     * @param faults the run's faults: samples count as "during" when a fault was in effect, or,
     *               when none was injected, anywhere in the inject phase
     */
    List<ProbeResult> probes(
            Experiment experiment, List<ProbeSample> samples, List<FaultResult> faults, @Nullable Instant faultsEnded) {
        List<ProbeResult> out = new ArrayList<>();
        for (Probe p : experiment.hypothesis().probes()) {
            List<ProbeSample> mine =
                    samples.stream().filter(s -> s.probe().equals(p.name())).toList();
            SampleStats baseline = SampleStats.of(inPhase(mine, RunPhase.BASELINE));
            SampleStats during = SampleStats.of(during(inPhase(mine, RunPhase.INJECT), faults));
            SampleStats after = SampleStats.of(inPhase(mine, RunPhase.VERIFY));
            boolean recovered = after.allWithin();
            double deviation = deviation(baseline.mean(), during.mean());
            Impact impact = during.count() == 0 && after.count() == 0
                    ? Impact.NONE
                    : Impact.of(during.shareOutside(), recovered || after.count() == 0);
            out.add(new ProbeResult(
                    p.name(),
                    p.expectText(),
                    p.checkedDuring(),
                    baseline,
                    during,
                    after,
                    deviation,
                    impact,
                    recovered,
                    recovered ? recoveryTime(mine, faultsEnded) : null));
        }
        return out;
    }

    private static List<ProbeSample> inPhase(List<ProbeSample> samples, RunPhase phase) {
        return samples.stream().filter(s -> s.phase() == phase).toList();
    }

    private static List<ProbeSample> during(List<ProbeSample> inject, List<FaultResult> faults) {
        List<FaultResult> injected = faults.stream()
                .filter(f -> f.injectedAt() != null && f.endedAt() != null)
                .toList();
        if (injected.isEmpty()) {
            return inject;
        }
        return inject.stream()
                .filter(s -> injected.stream()
                        .anyMatch(f -> !s.at().isBefore(f.injectedAt()) && s.at().isBefore(f.endedAt())))
                .toList();
    }

    static double deviation(double baseline, double during) {
        if (Double.isNaN(baseline) || Double.isNaN(during)) {
            return Double.NaN;
        }
        if (baseline == 0) {
            return during == 0 ? 0 : Double.POSITIVE_INFINITY * Math.signum(during);
        }
        return (during - baseline) / Math.abs(baseline);
    }

    /** From the end of the faults to the start of the final unbroken stretch within tolerance. */
    private static @Nullable Duration recoveryTime(List<ProbeSample> samples, @Nullable Instant faultsEnded) {
        if (faultsEnded == null) {
            return null;
        }
        List<ProbeSample> afterFaults =
                samples.stream().filter(s -> !s.at().isBefore(faultsEnded)).toList();
        Instant stretchStart = null;
        boolean everOutside = samples.stream().anyMatch(s -> !s.within() && s.phase() != RunPhase.BASELINE);
        for (ProbeSample s : afterFaults) {
            if (s.within()) {
                if (stretchStart == null) {
                    stretchStart = s.at();
                }
            } else {
                stretchStart = null;
            }
        }
        if (stretchStart == null) {
            return null;
        }
        return everOutside ? Duration.between(faultsEnded, stretchStart) : Duration.ZERO;
    }

    static Impact overall(List<ProbeResult> probes) {
        return probes.stream().map(ProbeResult::impact).max(Enum::compareTo).orElse(Impact.NONE);
    }

    List<String> recommendations(RunOutcome outcome, List<ProbeResult> probes, List<FaultResult> faults) {
        List<String> out = new ArrayList<>();
        for (FaultResult f : faults) {
            if (f.needsAttention()) {
                out.add("Fault '" + f.step() + "' was not confirmed gone: " + f.manualStep());
            }
        }
        for (ProbeResult p : probes) {
            if (p.during().count() > 0 && p.checkedDuring() && p.during().outside() > 0) {
                out.add("'" + p.probe() + "' left its tolerance (" + p.expect() + ") in "
                        + p.during().outside() + " of "
                        + p.during().count() + " samples under the faults" + change(p.deviation())
                        + ": look at timeouts, retries and fallbacks on the path to the faulted target.");
            }
            if (!p.recovered() && p.after().count() > 0) {
                out.add("'" + p.probe() + "' had not recovered at the final verification: find what kept it down "
                        + "and give the recovery window a target.");
            } else if (p.recoveryTime() != null && !p.recoveryTime().isZero()) {
                out.add("'" + p.probe() + "' recovered " + p.recoveryTime().toMillis()
                        + " ms after the faults ended: compare with your recovery objective.");
            }
        }
        if (outcome == RunOutcome.HELD) {
            out.add("The hypothesis held: widen the blast radius next (a larger share, a longer fault, or more"
                    + " targets), one step at a time.");
        }
        return out;
    }

    private static String change(double deviation) {
        if (Double.isNaN(deviation) || Double.isInfinite(deviation)) {
            return "";
        }
        return " (mean " + (deviation >= 0 ? "+" : "") + Numbers.format(Math.round(deviation * 1000) / 10.0)
                + "% against the baseline)";
    }
}
