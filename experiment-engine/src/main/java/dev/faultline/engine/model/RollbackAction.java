package dev.faultline.engine.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A declared undo step, run in the rollback phase after every fault was reverted, on a halt too:
 * a shell command such as restarting a service or clearing a cache a fault may have poisoned.
 *
 * @param timeout the longest it may run; it is stopped after that and reported as failed
 */
public record RollbackAction(String name, String command, Duration timeout) {
    public RollbackAction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(timeout, "timeout");
        if (command.isBlank()) {
            throw new IllegalArgumentException("a rollback needs a command to run");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        Limits.atMost(timeout, Limits.SPAN_MAX, "timeout");
    }
}
