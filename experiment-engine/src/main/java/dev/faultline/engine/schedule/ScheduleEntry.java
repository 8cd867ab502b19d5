package dev.faultline.engine.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A schedule with its state, as listed. */
public record ScheduleEntry(Schedule schedule, ScheduleState state) {
    public ScheduleEntry {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(state, "state");
    }

    /** The next time it would run after {@code now}; empty when paused or never. */
    public Optional<Instant> nextRun(Instant now) {
        if (state.paused()) {
            return Optional.empty();
        }
        Instant last = state.lastFire();
        Instant from = last != null && last.isAfter(now) ? last : now;
        return schedule.nextRun(from);
    }
}
