package dev.faultline.engine.model;

import java.util.Objects;

/**
 * A breach that halts the run at once: when {@code probe} reads a value that {@code haltWhen}
 * accepts, {@code consecutive} samples in a row. A probe that cannot be read counts as a breach:
 * flying blind is not steady state.
 */
public record StopCondition(String name, Probe probe, Tolerance haltWhen, int consecutive) {
    public StopCondition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(haltWhen, "haltWhen");
        if (consecutive < 1) {
            throw new IllegalArgumentException("consecutive must be at least 1");
        }
    }

    public String describe() {
        return name + ": " + probe.name() + " " + haltWhen.describe()
                + (consecutive > 1 ? " for " + consecutive + " samples" : "");
    }
}
