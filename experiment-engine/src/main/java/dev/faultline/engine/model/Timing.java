package dev.faultline.engine.model;

import java.time.Duration;
import java.util.Objects;

/**
 * The pace of a run.
 *
 * @param warmup              wait before the baseline, e.g. for load to reach its rate
 * @param probeInterval       time between probe samples
 * @param baselineSamples     samples taken before injecting; all must hold
 * @param recoveryWindow      wait after the last rollback before the final verification
 * @param verificationSamples samples of the final verification; all must hold
 */
public record Timing(
        Duration warmup,
        Duration probeInterval,
        int baselineSamples,
        Duration recoveryWindow,
        int verificationSamples) {
    public static final Timing DEFAULT = new Timing(Duration.ZERO, Duration.ofSeconds(1), 3, Duration.ofSeconds(5), 3);

    public Timing {
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(probeInterval, "probeInterval");
        Objects.requireNonNull(recoveryWindow, "recoveryWindow");
        if (warmup.isNegative() || recoveryWindow.isNegative()) {
            throw new IllegalArgumentException("warmup and recovery window cannot be negative");
        }
        if (probeInterval.toMillis() < 10) {
            throw new IllegalArgumentException("probe interval must be at least 10ms");
        }
        Limits.atMost(warmup, Limits.SPAN_MAX, "warmup");
        Limits.atMost(probeInterval, Limits.DELAY_MAX, "probeInterval");
        Limits.atMost(recoveryWindow, Limits.SPAN_MAX, "recoveryWindow");
        if (baselineSamples < 1 || verificationSamples < 1) {
            throw new IllegalArgumentException("baseline and verification need at least one sample");
        }
    }
}
