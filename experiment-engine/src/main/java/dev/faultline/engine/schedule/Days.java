package dev.faultline.engine.schedule;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Days of the week as a schedule writes them: {@code sat,sun}; times as its log shows them. */
public final class Days {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private Days() {}

    /**
     * Reads {@code sat,sun} (three-letter or full English names, any case); an empty text is no day.
     *
     * @throws IllegalArgumentException naming the day it cannot read
     */
    public static Set<DayOfWeek> parse(String text) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",", -1)) {
            String p = part.trim().toUpperCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            out.add(Arrays.stream(DayOfWeek.values())
                    .filter(d -> d.name().equals(p) || d.name().substring(0, 3).equals(p))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "day '" + part.trim() + "' is not a day of the week (mon, tue, wed, thu, fri, sat, sun)")));
        }
        return out;
    }

    /** {@code sat,sun} in week order; empty for none. */
    public static String format(Set<DayOfWeek> days) {
        return days.stream()
                .sorted()
                .map(d -> d.name().substring(0, 3).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
    }

    static String label(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    static String clock(ZonedDateTime t) {
        return CLOCK.format(t);
    }

    /** {@code 2026-03-29 09:00 CEST}: a time as people read it, in the zone given. */
    public static String when(ZonedDateTime t) {
        return WHEN.format(t);
    }
}
