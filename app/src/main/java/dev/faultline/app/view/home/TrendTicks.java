package dev.faultline.app.view.home;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The time axis' labels of the score trend, as fine as the runs it shows are apart: the time of day
 * when they all fall within a day (a schedule every few minutes or hours), day and time within a
 * week, the day beyond (a weekly schedule). One format for every run would label a morning's runs
 * "7 Dec" at each tick.
 */
record TrendTicks(DateTimeFormatter format, ZoneId zone) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM");

    /** The labels for runs spread over {@code span} (first to last), shown in {@code zone}. */
    static TrendTicks spanning(Duration span, ZoneId zone) {
        if (span.compareTo(Duration.ofDays(1)) < 0) {
            return new TrendTicks(TIME, zone);
        }
        return new TrendTicks(span.compareTo(Duration.ofDays(7)) < 0 ? DAY_TIME : DAY, zone);
    }

    String label(Instant at) {
        return format.format(at.atZone(zone));
    }
}
