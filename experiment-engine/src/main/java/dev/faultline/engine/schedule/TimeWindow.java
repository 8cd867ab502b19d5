package dev.faultline.engine.schedule;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The hours of the day, in the schedule's time zone, in which a scheduled run may start: {@code
 * 09:00-17:00}; a window that ends before it starts goes past midnight ({@code 22:00-06:00}). The
 * start is inside, the end is not.
 */
public record TimeWindow(LocalTime from, LocalTime to) {
    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException(
                    "time window " + from + "-" + to + " is empty: give two different times");
        }
    }

    /**
     * Reads {@code HH:MM-HH:MM}.
     *
     * @throws IllegalArgumentException saying what is wrong, in one line
     */
    public static TimeWindow parse(String text) {
        String[] parts = text.trim().split("-", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "time window '" + text + "' is not HH:MM-HH:MM (e.g. 09:00-17:00, or 22:00-06:00 past midnight)");
        }
        try {
            return new TimeWindow(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "time window '" + text + "' is not HH:MM-HH:MM (e.g. 09:00-17:00, or 22:00-06:00 past midnight)");
        }
    }

    /** Whether a run may start at this time of day. */
    public boolean contains(LocalTime t) {
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
