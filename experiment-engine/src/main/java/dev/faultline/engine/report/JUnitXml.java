package dev.faultline.engine.report;

import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.spi.run.ProbeResult;
import dev.faultline.engine.spi.run.RolloutResult;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.spi.run.SampleStats;
import org.jspecify.annotations.Nullable;

/**
 * A run as a JUnit XML test suite, for CI servers: one test case per probe (held or not), one for
 * the run as a whole (halted or aborted runs fail it), one per fault (not confirmed gone fails it),
 * one per rollout stage reached (its checked probes' figures as its output; one that did not hold
 * fails it), and each rollout's largest stage that held as a suite property
 * ({@code rollout.STEP.safeUpTo}).
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
        StringBuilder properties = new StringBuilder();
        for (var o : r.rollouts()) {
            properties.append(property(
                    "rollout." + o.step() + ".safeUpTo", o.safeUpToLabel().orElse("none")));
            properties.append(property("rollout." + o.step() + ".summary", o.summary()));
            for (var s : o.stages()) {
                tests++;
                @Nullable String failure = s.held() ? null : s.verdict() + ": " + s.detail() + "; " + o.summary();
                failures += failure == null ? 0 : 1;
                cases.append(testCase(
                        "rollout " + o.step() + " stage " + s.number() + " of " + o.stagesPlanned() + " (" + s.label()
                                + ")",
                        java.time.Duration.between(s.startedAt(), s.endedAt()).toMillis(),
                        failure,
                        stageFigures(s)));
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
                + "\" timestamp=\"" + r.startedAt() + "\">\n"
                + (properties.isEmpty() ? "" : "  <properties>\n" + properties + "  </properties>\n")
                + cases + "</testsuite>\n";
    }

    private static String testCase(String name, long millis, @Nullable String failure) {
        return testCase(name, millis, failure, "");
    }

    /** A test case; {@code out}, when not empty, is its {@code system-out} (a stage's figures). */
    private static String testCase(String name, long millis, @Nullable String failure, String out) {
        String open = "  <testcase classname=\"faultline\" name=\"" + esc(name) + "\" time=\"" + millis / 1000.0 + "\"";
        if (failure == null && out.isEmpty()) {
            return open + "/>\n";
        }
        return open + ">\n"
                + (failure == null ? "" : "    <failure message=\"" + esc(failure) + "\"/>\n")
                + (out.isEmpty() ? "" : "    <system-out>" + esc(out) + "</system-out>\n")
                + "  </testcase>\n";
    }

    private static String property(String name, String value) {
        return "    <property name=\"" + esc(name) + "\" value=\"" + esc(value) + "\"/>\n";
    }

    /**
     * A stage's figures, a line per checked probe ("p99 (< 350): 4 samples, 0 outside, mean 140, min
     * 140, max 140"), then how its share or count went in ("50% in place in 3 ms").
     */
    private static String stageFigures(RolloutResult.Stage s) {
        StringBuilder b = new StringBuilder();
        for (RolloutResult.ProbeFigures p : s.probes()) {
            SampleStats st = p.stats();
            b.append(p.probe() + " (" + p.expect() + "): " + st.count() + " samples, " + st.outside()
                    + " outside, mean " + Numbers.format(st.mean()) + ", min " + Numbers.format(st.min()) + ", max "
                    + Numbers.format(st.max()) + "\n");
        }
        return b.append(s.label() + " " + s.applied()
                        + (s.number() == 1 ? "" : " in " + s.applyTime().toMillis() + " ms"))
                .toString();
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
