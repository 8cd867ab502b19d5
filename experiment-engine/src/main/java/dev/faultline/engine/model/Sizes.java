package dev.faultline.engine.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as people write them: {@code 512KB}, {@code 256MB}, {@code 1GB} (powers of 1000) or
 * {@code 256MiB} (of 1024), and rates: {@code 64MB/s}.
 */
public final class Sizes {
    private static final Pattern SIZE = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb|kib|mib|gib)?\\s*$");

    private Sizes() {
    }

    public static long parse(String text, String field) {
        Matcher m = SIZE.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + field + "': '" + text + "' is not a size, e.g. 256MB or 1GiB");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        double factor = switch (unit) {
            case "kb" -> 1e3;
            case "mb" -> 1e6;
            case "gb" -> 1e9;
            case "kib" -> 1024;
            case "mib" -> 1024 * 1024;
            case "gib" -> 1024.0 * 1024 * 1024;
            default -> 1;
        };
        return Math.round(n * factor);
    }

    /** Bytes a second from {@code 64MB/s} (the {@code /s} may be left out). */
    public static long parseRate(String text, String field) {
        String t = text.strip();
        String size = t.toLowerCase(Locale.ROOT).endsWith("/s") ? t.substring(0, t.length() - 2) : t;
        try {
            return parse(size, field);
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
