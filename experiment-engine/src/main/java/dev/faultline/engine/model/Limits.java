package dev.faultline.engine.model;

import java.time.Duration;

/**
 * The documented range of every duration, size and rate a runbook may hold (docs/runbook-reference.md,
 * "Ranges"). The loader reports a value outside with its place; the model's constructors refuse it
 * too, so no path (editor, API) can build a latency of 9e12 ms.
 */
public final class Limits {
    /** Latency, jitter and delays: longer ones are outages, which {@code down} or {@code timeout} model. */
    public static final Duration DELAY_MAX = Duration.ofHours(1);
    /** Step durations, waits, timeouts, windows and grace periods: one day. */
    public static final Duration SPAN_MAX = Duration.ofHours(24);
    /** A clock offset either way, and the ceiling of any duration read at all: 365 days. */
    public static final Duration OFFSET_MAX = Duration.ofHours(8760);
    /** Memory, disk and byte counts: 1 TiB. */
    public static final long SIZE_MAX = 1L << 40;

    public static final String SIZE_MAX_TEXT = "1TiB";
    /** Growth, throughput and bandwidth: 10 GB/s, as the proxy API. */
    public static final long RATE_MAX = 10_000_000_000L;

    public static final String RATE_MAX_TEXT = "10GB/s";
    public static final long BANDWIDTH_KBPS_MAX = RATE_MAX / 1000;

    private Limits() {}

    /** Refuses a duration longer than {@code max}, in the loader's words. */
    public static void atMost(Duration d, Duration max, String name) {
        if (d.compareTo(max) > 0) {
            throw new OutOfRangeException(
                    name + " " + Durations.format(d) + " is out of range: at most " + Durations.format(max));
        }
    }

    /** Refuses a size or rate above {@code max} (written {@code maxText}). */
    public static void atMost(long value, long max, String maxText, String name) {
        if (value > max) {
            throw new OutOfRangeException(name + " " + value + " is out of range: at most " + maxText);
        }
    }
}
