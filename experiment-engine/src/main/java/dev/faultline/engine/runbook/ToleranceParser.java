package dev.faultline.engine.runbook;

import dev.faultline.engine.model.Tolerance;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tolerances as runbooks write them: {@code < 1%}, {@code <= 200ms}, {@code >= 95%}, {@code > 0},
 * {@code 150..250}, {@code 200ms ± 50ms} (or {@code +-}), {@code == 200}, or a bare number.
 * Units: {@code %} divides by 100, {@code ms} is milliseconds, {@code s} seconds (times 1000):
 * probe values of durations are in milliseconds.
 */
public final class ToleranceParser {
    private static final String NUM = "(-?\\d+(?:\\.\\d+)?)\\s*(%|ms|s)?";
    private static final Pattern THRESHOLD = Pattern.compile("^\\s*(<=|>=|<|>|==)\\s*" + NUM + "\\s*$");
    private static final Pattern RANGE = Pattern.compile("^\\s*" + NUM + "\\s*\\.\\.\\s*" + NUM + "\\s*$");
    private static final Pattern NEAR = Pattern.compile("^\\s*" + NUM + "\\s*(?:±|\\+-|\\+/-)\\s*" + NUM + "\\s*$");
    private static final Pattern BARE = Pattern.compile("^\\s*" + NUM + "\\s*$");

    private ToleranceParser() {}

    public static Tolerance parse(String text) {
        Matcher m = THRESHOLD.matcher(text);
        if (m.matches()) {
            double v = value(m.group(2), m.group(3));
            return switch (m.group(1)) {
                case "<" -> new Tolerance.Threshold(Tolerance.Op.LT, v);
                case "<=" -> new Tolerance.Threshold(Tolerance.Op.LE, v);
                case ">" -> new Tolerance.Threshold(Tolerance.Op.GT, v);
                case ">=" -> new Tolerance.Threshold(Tolerance.Op.GE, v);
                default -> new Tolerance.Exact(v);
            };
        }
        m = RANGE.matcher(text);
        if (m.matches()) {
            return new Tolerance.Range(value(m.group(1), m.group(2)), value(m.group(3), m.group(4)));
        }
        m = NEAR.matcher(text);
        if (m.matches()) {
            return new Tolerance.Near(value(m.group(1), m.group(2)), value(m.group(3), m.group(4)));
        }
        m = BARE.matcher(text);
        if (m.matches()) {
            return new Tolerance.Exact(value(m.group(1), m.group(2)));
        }
        throw new IllegalArgumentException(
                "'" + text + "' is not a tolerance, e.g. \"< 1%\", \">= 95%\", \"150..250\"" + " or \"200ms ± 50ms\"");
    }

    private static double value(String number, String unit) {
        double v = Double.parseDouble(number);
        if (unit == null) {
            return v;
        }
        return switch (unit) {
            case "%" -> v / 100;
            case "s" -> v * 1000;
            default -> v;
        };
    }
}
