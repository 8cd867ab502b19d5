package dev.faultline.engine.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link Command} on the method's timeline (a load generator, a script that changes the
 * system, an action imported from Chaos Toolkit's {@code process} provider). It lasts until the
 * process ends, at most its timeout; a process that exits with anything but 0, or outlives its
 * timeout, halts the run.
 */
public record CommandStep(String name, int lane, @Nullable Duration at, Command command) implements MethodStep {
    public CommandStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        if (lane < 0) {
            throw new IllegalArgumentException("lane cannot be negative");
        }
        if (at != null && at.isNegative()) {
            throw new IllegalArgumentException("start offset cannot be negative");
        }
        if (at != null) {
            Limits.atMost(at, Limits.SPAN_MAX, "at");
        }
    }

    @Override
    public Optional<Duration> explicitStart() {
        return Optional.ofNullable(at);
    }

    /** At most the command's timeout. */
    @Override
    public Duration plannedLength() {
        return command.timeout();
    }
}
