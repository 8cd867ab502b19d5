package dev.faultline.engine.schedule;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a schedule does with a time that passed while no scheduler was running (the machine was off,
 * the scheduler stopped): a time is missed when the scheduler first sees it more than {@link
 * Scheduler#ON_TIME} late.
 */
public enum MissedRun {
    /** Missed times are recorded as missed; the schedule waits for its next time. */
    SKIP,
    /** One run as soon as the scheduler is back, however many times were missed. */
    RUN_ONCE;

    /** The name on the command line and in the store: {@code skip}, {@code run-once}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @throws IllegalArgumentException naming the choices
     */
    public static MissedRun parse(String label) {
        return Arrays.stream(values())
                .filter(m -> m.label().equals(label.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("missed-run policy '" + label + "' is unknown (choose "
                        + Arrays.stream(values()).map(MissedRun::label).collect(Collectors.joining(" or ")) + ")"));
    }
}
