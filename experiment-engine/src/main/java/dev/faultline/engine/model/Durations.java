package dev.faultline.engine.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in runbooks: {@code 250ms}, {@code 30s}, {@code 2m}, {@code 1h30m}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
    private static final Map<String, BigDecimal> UNIT_MILLIS = Map.of(
            "ms",
            BigDecimal.ONE,
            "s",
            BigDecimal.valueOf(1_000),
            "m",
            BigDecimal.valueOf(60_000),
            "h",
            BigDecimal.valueOf(3_600_000));
    private static final int MAX_DIGITS = 40;

    private Durations() {}

    /**
     * Parses a duration of at most {@link Limits#OFFSET_MAX}.
     *
     * @throws IllegalArgumentException naming {@code field} and giving an example when it is not one
     * @throws OutOfRangeException when it is longer
     */
    public static Duration parse(String text, String field) {
        return parse(text, field, Limits.OFFSET_MAX);
    }

    /**
     * Parses a duration of at most {@code max}. The arithmetic is exact (no double, no long that
     * could wrap): {@code 99999999999h} is out of range, never a small or negative number.
     *
     * @throws IllegalArgumentException naming {@code field} and giving an example when it is not one
     * @throws OutOfRangeException      ("latency 2h is out of range: at most 1h") when it is longer than {@code max}
     */
    public static Duration parse(String text, String field, Duration max) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(t);
        int pos = 0;
        BigDecimal millis = BigDecimal.ZERO;
        boolean huge = false;
        while (pos < t.length() && m.find(pos) && m.start() == pos) {
            String number = m.group(1);
            if (number.length() > MAX_DIGITS) {
                huge = true; // more digits than any duration in range needs; not worth the arithmetic
            } else {
                millis = millis.add(new BigDecimal(number).multiply(UNIT_MILLIS.get(m.group(2))));
            }
            pos = m.end();
        }
        if (pos == 0 || pos != t.length()) {
            throw new IllegalArgumentException("'" + field + "': '" + text + "' is not a duration, e.g. 30s or 2m");
        }
        if (huge || millis.compareTo(BigDecimal.valueOf(max.toMillis())) > 0) {
            throw new OutOfRangeException(field + " " + text.strip() + " is out of range: at most " + format(max));
        }
        return Duration.ofNanos(
                millis.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** The shortest readable form: {@code 250ms}, {@code 0.5ms}, {@code 30s}, {@code 2m}, {@code 1m30s}; exact for any duration. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        if (d.getNano() != 0) {
            BigDecimal ms = BigDecimal.valueOf(d.getSeconds())
                    .movePointRight(3)
                    .add(BigDecimal.valueOf(d.getNano()).movePointLeft(6));
            return ms.stripTrailingZeros().toPlainString() + "ms";
        }
        long s = d.getSeconds();
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
