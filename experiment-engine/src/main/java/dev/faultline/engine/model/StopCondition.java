package dev.faultline.engine.model;

import java.util.Objects;

/**
 * A breach that halts the run at once: when {@code probe} reads a value that {@code haltWhen}
 * accepts, {@code consecutive} samples in a row. A probe that cannot be read counts as a breach:
 * flying blind is not steady state.
 *
 * @param haltExpected a halt by this condition is the outcome the experiment sets out to show (an
 *     outage that must trip the safety net): the resilience score counts it as such, not as a failure
 */
public record StopCondition(String name, Probe probe, Tolerance haltWhen, int consecutive, boolean haltExpected) {
    public StopCondition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(haltWhen, "haltWhen");
        if (consecutive < 1) {
            throw new IllegalArgumentException("consecutive must be at least 1");
        }
    }

    /** A stop condition whose halt is not what the experiment expects (the usual case). */
    public StopCondition(String name, Probe probe, Tolerance haltWhen, int consecutive) {
        this(name, probe, haltWhen, consecutive, false);
    }

    public String describe() {
        return name + ": " + probe.name() + " " + haltWhen.describe()
                + (consecutive > 1 ? " for " + consecutive + " samples" : "");
    }
}
