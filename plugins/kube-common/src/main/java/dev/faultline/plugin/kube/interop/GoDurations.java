package dev.faultline.plugin.kube.interop;

import dev.faultline.engine.model.Durations;
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

    /**
     * The shortest form Go reads back exactly ({@code 250ms}, {@code 0.5ms}, {@code 1m30s}): the
     * engine's own {@link Durations#format}, whose units and decimal fractions are Go's too.
     */
    public static String format(Duration d) {
        return Durations.format(d);
    }
}
