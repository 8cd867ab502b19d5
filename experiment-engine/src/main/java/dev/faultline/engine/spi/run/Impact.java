package dev.faultline.engine.spi.run;

/**
 * How hard the faults hit a probe: LOW when at most 5% of its samples during the method left the
 * tolerance, MEDIUM up to half, HIGH beyond that or when it did not recover.
 */
public enum Impact {
    NONE,
    LOW,
    MEDIUM,
    HIGH;

    public static Impact of(double shareOutside, boolean recovered) {
        if (!recovered || shareOutside > 0.5) {
            return HIGH;
        }
        if (shareOutside > 0.05) {
            return MEDIUM;
        }
        return shareOutside > 0 ? LOW : NONE;
    }
}
