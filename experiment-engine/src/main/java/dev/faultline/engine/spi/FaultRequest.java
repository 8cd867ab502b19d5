package dev.faultline.engine.spi;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Target;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One fault to inject.
 *
 * @param runId    the run it belongs to; backends put it into names and labels so that what a
 *                 crashed run left behind can be found
 * @param step     the method step's name
 * @param share    share of connections, requests or targets affected, 0..1
 * @param duration how long it is planned to last; backends that can expire a fault themselves
 *                 may use it as a dead man's switch
 * @param targets  how many of the targets the selector matches the fault hits (a rollout over
 *                 counts of targets); empty: as the target and the share select. Only a backend that
 *                 implements {@link TargetCounts} is given a count.
 */
public record FaultRequest(
        String runId, String step, Fault fault, Target target, double share, Duration duration, OptionalInt targets) {
    public FaultRequest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(targets, "targets");
        if (targets.isPresent() && targets.getAsInt() < 1) {
            throw new IllegalArgumentException("a count of targets is at least 1");
        }
    }

    /** A fault on the targets its selector and share choose (no count of targets). */
    public static FaultRequest atShare(
            String runId, String step, Fault fault, Target target, double share, Duration duration) {
        return new FaultRequest(runId, step, fault, target, share, duration, OptionalInt.empty());
    }

    /** The same fault at another share: a rollout's next stage. */
    public FaultRequest withShare(double wider) {
        return new FaultRequest(runId, step, fault, target, wider, duration, targets);
    }

    /** The same fault on another count of targets: the next stage of a rollout over targets. */
    public FaultRequest withTargets(int count) {
        return new FaultRequest(runId, step, fault, target, share, duration, OptionalInt.of(count));
    }
}
