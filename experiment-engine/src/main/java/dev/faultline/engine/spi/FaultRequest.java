package dev.faultline.engine.spi;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Target;
import java.time.Duration;
import java.util.Objects;

/**
 * One fault to inject.
 *
 * @param runId    the run it belongs to; backends put it into names and labels so that what a
 *                 crashed run left behind can be found
 * @param step     the method step's name
 * @param share    share of connections, requests or targets affected, 0..1
 * @param duration how long it is planned to last; backends that can expire a fault themselves
 *                 may use it as a dead man's switch
 */
public record FaultRequest(String runId, String step, Fault fault, Target target, double share, Duration duration) {
    public FaultRequest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(duration, "duration");
    }

    /** The same fault at another share: a rollout's next stage. */
    public FaultRequest withShare(double wider) {
        return new FaultRequest(runId, step, fault, target, wider, duration);
    }
}
