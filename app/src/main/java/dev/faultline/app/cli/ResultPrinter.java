package dev.faultline.app.cli;

import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.run.DryRun;
import dev.faultline.engine.run.PreflightCheck;
import dev.faultline.engine.run.TimelinePlan;
import dev.faultline.engine.spi.run.FaultResult;
import dev.faultline.engine.spi.run.ProbeResult;
import dev.faultline.engine.spi.run.ProbeSample;
import dev.faultline.engine.spi.run.RolloutResult;
import dev.faultline.engine.spi.run.RunResult;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Prints a result or a dry run for people, times in their own time zone. */
final class ResultPrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz");

    private final PrintWriter out;
    private final ZoneId zone = ZoneId.systemDefault();

    ResultPrinter(PrintWriter out) {
        this.out = out;
    }

    void dryRun(Experiment e, DryRun d) {
        out.println("Dry run of " + e.name() + " in " + e.environment() + ": nothing is injected.");
        out.println("Pre-flight:");
        d.checks().forEach(c -> out.println("  " + c));
        out.println("Probes now:");
        for (ProbeSample s : d.readings()) {
            out.println("  " + s.probe() + " = " + (s.ok() ? Numbers.format(s.value()) : "unreadable: " + s.error())
                    + (s.within() ? "  (holds)" : "  (does NOT hold)"));
        }
        out.println("Plan (after warm-up " + Durations.format(e.timing().warmup()) + " and "
                + e.timing().baselineSamples() + " baseline samples):");
        for (TimelinePlan.Entry en : d.plan().entries()) {
            out.printf(
                    "  %6s - %-6s lane %d  %s%n",
                    Durations.format(en.start()),
                    Durations.format(en.end()),
                    en.step().lane(),
                    en.step().name());
        }
        out.println("Then rollback, a recovery window of "
                + Durations.format(e.timing().recoveryWindow()) + " and "
                + e.timing().verificationSamples() + " verification samples.");
        out.println(
                d.passed()
                        ? "Pre-flight passed."
                        : "Pre-flight FAILED: "
                                + String.join(
                                        "; ",
                                        d.checks().stream()
                                                .filter(c -> !c.passed())
                                                .map(PreflightCheck::toString)
                                                .toList()));
        out.flush();
    }

    void result(RunResult r) {
        out.println();
        out.println("═══ " + r.outcome() + " ═══  " + r.experiment() + "  (run " + r.runId() + ")");
        out.println(r.reason());
        out.println("started " + TIME.format(r.startedAt().atZone(zone)) + ", took "
                + Durations.format(java.time.Duration.ofSeconds(r.duration().toSeconds())) + ", impact " + r.impact());
        if (!r.probes().isEmpty()) {
            out.printf(
                    "%-28s %-16s %10s %10s %10s %9s %-7s %s%n",
                    "probe", "expect", "baseline", "during", "after", "deviation", "impact", "recovered");
            for (ProbeResult p : r.probes()) {
                out.printf(
                        "%-28s %-16s %10s %10s %10s %9s %-7s %s%n",
                        p.probe(),
                        p.expect(),
                        num(p.baseline().mean()),
                        num(p.during().mean()),
                        num(p.after().mean()),
                        pct(p.deviation()),
                        p.impact(),
                        p.recovered()
                                ? "yes"
                                        + (p.recoveryTime() == null
                                                ? ""
                                                : " in " + p.recoveryTime().toMillis() + " ms")
                                : "NO");
            }
        }
        for (RolloutResult o : r.rollouts()) {
            out.println("rollout " + o.step() + ": " + o.summary());
            for (RolloutResult.Stage s : o.stages()) {
                out.printf(
                        "  stage %d of %d %5s  %-12s  %s; %s%n",
                        s.number(),
                        o.stagesPlanned(),
                        s.label(),
                        switch (s.verdict()) {
                            case HELD -> "held";
                            case DID_NOT_HOLD -> "DID NOT HOLD";
                            case CUT_SHORT -> "cut short";
                        },
                        s.applied()
                                + (s.number() == 1 ? "" : " in " + s.applyTime().toMillis() + " ms"),
                        s.detail());
            }
        }
        for (FaultResult f : r.faults()) {
            out.println("fault " + f.step() + " (" + f.description() + "): "
                    + (f.confirmedGone()
                            ? "reverted, confirmed gone " + f.timeToRecovery().toMillis() + " ms after its end"
                            : "NOT confirmed gone: " + f.detail() + "; by hand: " + f.manualStep()));
        }
        r.rollbacks()
                .forEach(b -> out.println("rollback " + b.name() + ": " + (b.ok() ? "done" : "FAILED") + " in "
                        + b.took().toMillis() + " ms (" + b.detail() + ")"));
        if (!r.recommendations().isEmpty()) {
            out.println("Recommendations:");
            r.recommendations().forEach(s -> out.println("  - " + s));
        }
        out.flush();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : Numbers.format(Math.round(v * 1000) / 1000.0);
    }

    private static String pct(double v) {
        return Double.isNaN(v) || Double.isInfinite(v)
                ? "-"
                : (v >= 0 ? "+" : "") + Numbers.format(Math.round(v * 1000) / 10.0) + "%";
    }
}
