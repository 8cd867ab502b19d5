package dev.faultline.plugin.kube.interop;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's duration strings, as Kubernetes manifests write them: {@code 30s}, {@code 1m30s},
 * {@code 100ms}, {@code -10m100ns}; a bare number is taken as seconds (as Litmus's runProperties of
 * the 2.x form).
 */
public final class GoDurations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> UNIT_NANOS = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "µs", 1_000L,
            "μs", 1_000L,
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);

    private GoDurations() {}

    /** @throws IllegalArgumentException when {@code text} is not a duration, saying so */
    public static Duration parse(String text) {
        String t = text.strip();
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.matches("\\d+")) {
            Duration d = Duration.ofSeconds(Long.parseLong(t));
            return negative ? d.negated() : d;
        }
        Matcher m = PART.matcher(t);
        int at = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (m.find() && m.start() == at) {
            nanos = nanos.add(
                    new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(UNIT_NANOS.getOrDefault(m.group(2), 0L))));
            at = m.end();
        }
        if (at == 0 || at != t.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration, e.g. 30s, 1m30s or 100ms");
        }
        Duration d = Duration.ofNanos(nanos.longValue());
        return negative ? d.negated() : d;
    }

    /** A Go duration string for {@code d}: {@code 1500ms}, {@code 30s}, {@code 2m}, {@code 1h30m}. */
    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s == 0) {
            return "0s";
        }
        StringBuilder b = new StringBuilder();
        if (s >= 3600) {
            b.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            b.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0) {
            b.append(s).append('s');
        }
        return b.toString();
    }
}
