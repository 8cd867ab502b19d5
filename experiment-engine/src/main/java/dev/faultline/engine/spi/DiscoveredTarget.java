package dev.faultline.engine.spi;

import dev.faultline.engine.model.Target;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A target a backend found in its environment, offered to the author of a runbook.
 *
 * @param target the target as the runbook writes it, e.g. {@code process: {name: sandbox-payment}}
 * @param description what it is, in words: {@code pid 4242 (java)}, {@code 127.0.0.1:19090 -> 127.0.0.1:8082}
 * @param matches for a target that is a set (pods by label), how many members it matches now;
 *     empty for a target that is one thing
 */
public record DiscoveredTarget(Target target, String description, OptionalInt matches) {
    public DiscoveredTarget {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(matches, "matches");
    }

    /** One thing: a process, a proxy, a host. */
    public static DiscoveredTarget single(Target target, String description) {
        return new DiscoveredTarget(target, description, OptionalInt.empty());
    }

    /** A line for a picker: {@code process/sandbox-payment - pid 4242 (java)}, with the count for a set. */
    public String summary() {
        String count = matches.isPresent() ? " (" + matches.getAsInt() + " now)" : "";
        return target.label() + " - " + description + count;
    }
}
