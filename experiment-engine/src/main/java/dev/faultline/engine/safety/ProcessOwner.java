package dev.faultline.engine.safety;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A process that owns journaled faults, named by pid and start time so that a recycled pid is
 * never mistaken for the owner.
 */
public record ProcessOwner(long pid, Instant startedAt) {
    public ProcessOwner {
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public static ProcessOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new ProcessOwner(self.pid(), self.info().startInstant().orElse(Instant.EPOCH));
    }

    /** Whether this very process is still running. */
    public boolean isAlive() {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = handle.get().info().startInstant();
        // Start instants are rounded differently by /proc readers: allow a second.
        return started.map(s -> Math.abs(s.toEpochMilli() - startedAt.toEpochMilli()) < 1_000)
                .orElse(true);
    }
}
