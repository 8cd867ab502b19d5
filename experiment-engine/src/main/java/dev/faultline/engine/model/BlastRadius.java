package dev.faultline.engine.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How much of the system an experiment may touch.
 *
 * @param targets     target labels ({@code proxy/payments}) faults may hit; empty means any
 * @param maxShare    the largest share of traffic or targets a single fault may affect, 0..1
 * @param maxDuration the longest the whole method may keep any fault active
 * @param maxTargets  the most distinct targets faulted at once
 */
public record BlastRadius(List<String> targets, double maxShare, Duration maxDuration, int maxTargets) {
    public static final BlastRadius UNLIMITED = new BlastRadius(List.of(), 1.0, Duration.ofHours(4), Integer.MAX_VALUE);

    public BlastRadius {
        targets = List.copyOf(targets);
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (!(maxShare > 0 && maxShare <= 1)) {
            throw new IllegalArgumentException("maxShare must be above 0% and at most 100%");
        }
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("maxDuration must be positive");
        }
        Limits.atMost(maxDuration, Limits.SPAN_MAX, "maxDuration");
        if (maxTargets < 1) {
            throw new IllegalArgumentException("maxTargets must be at least 1");
        }
    }

    public boolean allows(Target target) {
        return targets.isEmpty() || targets.contains(target.label());
    }
}
