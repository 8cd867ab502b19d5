package dev.faultline.engine.report;

import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.spi.run.ProbeResult;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import org.jspecify.annotations.Nullable;

/**
 * A run as a JUnit XML test suite, for CI servers: one test case per probe (held or not), one for
 * the run as a whole (halted or aborted runs fail it), one per fault (not confirmed gone fails it).
 */
public final class JUnitXml {

    public String write(RunResult r) {
        StringBuilder cases = new StringBuilder();
        int failures = 0;
        int tests = 0;
        boolean runFailed = r.outcome() == RunOutcome.HALTED
                || r.outcome() == RunOutcome.ABORTED
                || r.outcome() == RunOutcome.FAILED;
        tests++;
        failures += runFailed ? 1 : 0;
        cases.append(testCase("run", r.duration().toMillis(), runFailed ? r.outcome() + ": " + r.reason() : null));
        for (ProbeResult p : r.probes()) {
            tests++;
            @Nullable
            String failure = p.held()
                    ? null
                    : "expected " + p.expect() + "; during: " + p.during().outside() + " of "
                            + p.during().count() + " samples outside, mean "
                            + Numbers.format(p.during().mean())
                            + "; after: " + (p.recovered() ? "recovered" : "not recovered");
            failures += failure == null ? 0 : 1;
            cases.append(testCase("probe " + p.probe(), 0, failure));
        }
        for (var f : r.faults()) {
            tests++;
            @Nullable String failure = f.confirmedGone() ? null : f.detail() + "; by hand: " + f.manualStep();
            failures += failure == null ? 0 : 1;
            cases.append(testCase("fault " + f.step() + " reverted", 0, failure));
        }
        for (var o : r.rollouts()) {
            for (var s : o.stages()) {
                tests++;
                @Nullable String failure = s.held() ? null : s.verdict() + ": " + s.detail() + "; " + o.summary();
                failures += failure == null ? 0 : 1;
                cases.append(testCase(
                        "rollout " + o.step() + " stage " + s.number() + " of " + o.stagesPlanned() + " ("
                                + dev.faultline.engine.model.Rollout.percent(s.share()) + ")",
                        java.time.Duration.between(s.startedAt(), s.endedAt()).toMillis(),
                        failure));
            }
        }
        for (var b : r.rollbacks()) {
            tests++;
            @Nullable String failure = b.ok() ? null : b.detail();
            failures += failure == null ? 0 : 1;
            cases.append(testCase("rollback " + b.name(), b.took().toMillis(), failure));
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"" + esc("faultline." + r.experiment()) + "\" tests=\"" + tests + "\" failures=\""
                + failures + "\" errors=\"0\" skipped=\"0\" time=\""
                + r.duration().toMillis() / 1000.0
                + "\" timestamp=\"" + r.startedAt() + "\">\n" + cases + "</testsuite>\n";
    }

    private static String testCase(String name, long millis, @Nullable String failure) {
        String open = "  <testcase classname=\"faultline\" name=\"" + esc(name) + "\" time=\"" + millis / 1000.0 + "\"";
        if (failure == null) {
            return open + "/>\n";
        }
        return open + ">\n    <failure message=\"" + esc(failure) + "\"/>\n  </testcase>\n";
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
