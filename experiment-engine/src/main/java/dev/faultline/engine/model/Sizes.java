package dev.faultline.engine.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as people write them: {@code 512KB}, {@code 256MB}, {@code 1GB}, {@code 1TB} (powers of 1000) or
 * {@code 256MiB}, {@code 1TiB} (of 1024), and rates: {@code 64MB/s}.
 */
public final class Sizes {
    private static final Pattern SIZE =
            Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb|tb|kib|mib|gib|tib)?\\s*$");

    private static final int MAX_DIGITS = 40;
    private static final Map<String, BigDecimal> UNIT_BYTES = Map.of(
            "b",
            BigDecimal.ONE,
            "kb",
            BigDecimal.valueOf(1_000),
            "mb",
            BigDecimal.valueOf(1_000_000),
            "gb",
            BigDecimal.valueOf(1_000_000_000),
            "tb",
            BigDecimal.valueOf(1_000_000_000_000L),
            "kib",
            BigDecimal.valueOf(1L << 10),
            "mib",
            BigDecimal.valueOf(1L << 20),
            "gib",
            BigDecimal.valueOf(1L << 30),
            "tib",
            BigDecimal.valueOf(1L << 40));

    private Sizes() {}

    /** A size of at most {@link Limits#SIZE_MAX}; see {@link #parse(String, String, long, String)}. */
    public static long parse(String text, String field) {
        return parse(text, field, Limits.SIZE_MAX, Limits.SIZE_MAX_TEXT);
    }

    /**
     * A size in bytes of at most {@code max} (written {@code maxText} in the message). The arithmetic is
     * exact: a size too big for a long is out of range, never wrapped.
     *
     * @throws IllegalArgumentException when it is not a size
     * @throws OutOfRangeException      ("size 2TiB is out of range: at most 1TiB") when it is bigger than {@code max}
     */
    public static long parse(String text, String field, long max, String maxText) {
        Matcher m = SIZE.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + field + "': '" + text + "' is not a size, e.g. 256MB or 1GiB");
        }
        String unit = m.group(2) == null ? "b" : m.group(2);
        BigDecimal bytes = m.group(1).length() > MAX_DIGITS
                ? null
                : new BigDecimal(m.group(1)).multiply(UNIT_BYTES.get(unit)).setScale(0, RoundingMode.HALF_UP);
        if (bytes == null || bytes.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new OutOfRangeException(field + " " + text.strip() + " is out of range: at most " + maxText);
        }
        return bytes.longValueExact();
    }

    /** Bytes a second from {@code 64MB/s} (the {@code /s} may be left out), at most {@link Limits#RATE_MAX}. */
    public static long parseRate(String text, String field) {
        String t = text.strip();
        String size = t.toLowerCase(Locale.ROOT).endsWith("/s") ? t.substring(0, t.length() - 2) : t;
        try {
            return parse(size, field, Limits.RATE_MAX, Limits.RATE_MAX_TEXT);
        } catch (OutOfRangeException e) {
            throw new OutOfRangeException(field + " " + t + " is out of range: at most " + Limits.RATE_MAX_TEXT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + field + "': '" + text + "' is not a rate, e.g. 64MB/s");
        }
    }

    /** A rate for people: {@code 16 MB/s}, {@code 1.5 MB/s}, {@code 500 KB/s}. */
    public static String describeRate(long bytesPerSecond) {
        if (bytesPerSecond >= 1_000_000) {
            double mb = bytesPerSecond / 1e6;
            return (mb == Math.rint(mb) ? Long.toString((long) mb) : String.format(Locale.ROOT, "%.1f", mb)) + " MB/s";
        }
        return bytesPerSecond / 1_000 + " KB/s";
    }

    /** The shortest exact form in powers of 1000: {@code 256MB}, {@code 1500KB}, {@code 1234}. */
    public static String format(long bytes) {
        if (bytes != 0 && bytes % 1_000_000_000 == 0) {
            return bytes / 1_000_000_000 + "GB";
        }
        if (bytes != 0 && bytes % 1_000_000 == 0) {
            return bytes / 1_000_000 + "MB";
        }
        if (bytes != 0 && bytes % 1_000 == 0) {
            return bytes / 1_000 + "KB";
        }
        return Long.toString(bytes);
    }
}
