package dev.faultline.engine.spi;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Target;
import java.util.Optional;

/**
 * A backend that can hit a given count of the targets a selector matches ({@link
 * FaultRequest#targets()}): the stages of a rollout over targets ({@code targets: [1, 2, 5]}).
 * Pre-flight refuses such a rollout on a backend without this ability, or for a target it answers
 * with a reason for.
 */
public interface TargetCounts {

    /**
     * Why this backend cannot make {@code fault} on a count of the targets {@code target} matches, in
     * one line; empty when it can.
     */
    Optional<String> cannotCount(Target target, Fault fault);

    /**
     * How many targets {@code target} matches now, for pre-flight to judge the widest stage against
     * (a count above it cannot be hit).
     *
     * @throws BackendException when the targets cannot be listed
     */
    int matching(Target target) throws BackendException;
}
