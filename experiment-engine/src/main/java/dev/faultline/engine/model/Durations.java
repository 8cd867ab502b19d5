package dev.faultline.engine.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in runbooks: {@code 250ms}, {@code 30s}, {@code 2m}, {@code 1h30m}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException naming {@code field} and giving an example when it is not one
     */
    public static Duration parse(String text, String field) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(t);
        int pos = 0;
        double millis = 0;
        while (pos < t.length() && m.find(pos) && m.start() == pos) {
            double n = Double.parseDouble(m.group(1));
            millis += switch (m.group(2)) {
                case "ms" -> n;
                case "s" -> n * 1_000;
                case "m" -> n * 60_000;
                default -> n * 3_600_000;
            };
            pos = m.end();
        }
        if (pos == 0 || pos != t.length()) {
            throw new IllegalArgumentException(
                    "'" + field + "': '" + text + "' is not a duration, e.g. 30s or 2m");
        }
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    /** The shortest readable form: {@code 250ms}, {@code 30s}, {@code 2m}, {@code 1m30s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
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
