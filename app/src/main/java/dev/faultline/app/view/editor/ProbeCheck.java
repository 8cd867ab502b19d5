package dev.faultline.app.view.editor;

import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.model.Probe;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains one probe reading: a value within or outside its tolerance, or a failure put in words
 * (nothing listening, no answer in time, a wrong status, the sandbox not running), so a Test
 * button and a dry run say what to do rather than print a connection error.
 */
public final class ProbeCheck {
    private static final Pattern STATUS = Pattern.compile("answered (\\d{3})");
    private static final Pattern WITHIN = Pattern.compile("no answer within (\\d+) ?ms");

    private ProbeCheck() {}

    /** The sentence for a sandbox runbook while the sandbox is stopped. */
    public static String sandboxDown(String what) {
        return what + ": the sandbox is not running: start it (Start sandbox), then try again";
    }

    /** A value read: within its tolerance or not, with the value seen. */
    public static ProbeVerdict read(Probe p, double value) {
        String seen = Numbers.format(Math.round(value * 1000) / 1000.0);
        return p.expect().accepts(value)
                ? new ProbeVerdict(
                        ProbeVerdict.Outcome.WITHIN, p.name() + " = " + seen + "  ✓ within " + p.expectText(), false)
                : new ProbeVerdict(
                        ProbeVerdict.Outcome.OUTSIDE,
                        p.name() + " = " + seen + "  ✗ tolerance not met: expected " + p.expectText() + ", saw " + seen,
                        false);
    }

    /**
     * A reading that failed with {@code message}.
     *
     * @param sandboxDown the probe's environment is the sandbox and the sandbox does not answer
     */
    public static ProbeVerdict failed(Probe p, String message, boolean sandboxDown) {
        if (sandboxDown) {
            return new ProbeVerdict(ProbeVerdict.Outcome.SANDBOX_DOWN, sandboxDown("could not read " + p.name()), true);
        }
        String m = message.toLowerCase(Locale.ROOT);
        Matcher status = STATUS.matcher(message);
        if (status.find()) {
            return new ProbeVerdict(
                    ProbeVerdict.Outcome.WRONG_STATUS,
                    p.name() + ": wrong status: the service answered " + status.group(1) + " where a 2xx was expected ("
                            + message + ")",
                    false);
        }
        Matcher within = WITHIN.matcher(message);
        if (within.find() || m.contains("timed out") || m.contains("timeout")) {
            return new ProbeVerdict(
                    ProbeVerdict.Outcome.TIMEOUT,
                    p.name() + ": timed out: no answer"
                            + (within.find(0) ? " within " + within.group(1) + " ms" : "")
                            + "; is the service overloaded, or the timeout too short? (" + message + ")",
                    false);
        }
        if (m.contains("connectexception") || m.contains("connection refused") || m.contains("connect timed")) {
            return new ProbeVerdict(
                    ProbeVerdict.Outcome.REFUSED,
                    p.name() + ": connection refused: nothing listens at "
                            + p.params().get("url").orElse("its address") + "; start the service or correct the URL",
                    false);
        }
        return new ProbeVerdict(ProbeVerdict.Outcome.UNREADABLE, p.name() + ": could not read: " + message, false);
    }
}
