package dev.faultline.engine.model;

import java.time.Duration;
import java.util.Objects;

/** The checks fault records share. */
final class FaultChecks {
    private FaultChecks() {}

    static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    static void requireProbability(double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be above 0% and at most 100%");
        }
    }

    static void requireShare(double v, String name) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be from 0% to 100%");
        }
    }

    /** A share as runbooks write it: {@code 25%}. */
    static String percent(double share) {
        return Numbers.format(share * 100) + "%";
    }
}
