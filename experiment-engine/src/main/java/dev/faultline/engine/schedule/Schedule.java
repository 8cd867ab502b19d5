package dev.faultline.engine.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A recurring experiment: which runbook, when (a cron expression in a time zone), where (an
 * environment, or the runbook's own when empty) and the guards that keep it from starting at the
 * wrong moment: a time window of the day, days of the week to skip, and what to do with a missed
 * time. Whether it is paused, and what it last did, are kept beside it ({@link ScheduleState}).
 *
 * @param name        a stable id: lower-case letters, digits and dashes
 * @param runbook     the runbook's file, as an absolute path
 * @param environment the environment to run in; empty: the one the runbook names
 * @param window      the hours a run may start in; null: any time
 * @param skipDays    days of the week (in {@code zone}) on which it never runs
 * @param created     when it was added: times before it are never due
 */
public record Schedule(
        String name,
        String runbook,
        CronTimes cron,
        ZoneId zone,
        String environment,
        @Nullable TimeWindow window,
        Set<DayOfWeek> skipDays,
        MissedRun missed,
        Instant created) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public Schedule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(missed, "missed");
        Objects.requireNonNull(created, "created");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "schedule name '" + name
                            + "' is not valid: use 1 to 64 lower-case letters, digits and dashes, starting with a letter or digit");
        }
        skipDays = skipDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(skipDays));
        if (skipDays.size() == DayOfWeek.values().length) {
            throw new IllegalArgumentException(
                    "schedule '" + name + "' skips every day of the week: it would never run");
        }
    }

    /** Whether a run may start at {@code t}: not on a skipped day, inside the window, both in the schedule's zone. */
    public boolean allows(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        return !skipDays.contains(local.getDayOfWeek()) && (window == null || window.contains(local.toLocalTime()));
    }

    /** Why a run may not start at {@code t} ("Saturday is a skipped day", "10:30 is outside 22:00-06:00"); empty: it may. */
    public Optional<String> refusal(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        if (skipDays.contains(local.getDayOfWeek())) {
            return Optional.of(Days.label(local.getDayOfWeek()) + " is a skipped day");
        }
        if (window != null && !window.contains(local.toLocalTime())) {
            return Optional.of(Days.clock(local) + " is outside the window " + window);
        }
        return Optional.empty();
    }

    /**
     * The next time after {@code after} the schedule would start a run, its day and window guards
     * applied (cron times they refuse are passed over); empty when the expression names no time in
     * the next 2000 it looks at.
     */
    public Optional<Instant> nextRun(Instant after) {
        Instant t = after;
        for (int i = 0; i < 2000; i++) {
            Optional<Instant> next = cron.next(t, zone);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            if (allows(next.get())) {
                return next;
            }
            t = next.get();
        }
        return Optional.empty();
    }
}
