package dev.faultline.app.view.editor;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Target;
import java.time.Duration;

/**
 * A palette entry: a fault with sensible defaults, ready to drop on the timeline and then adjust
 * in the property sheet.
 *
 * @param group the palette heading: backend and kind, "local · network"
 */
public record FaultTemplate(
        String id, String label, String group, String backend, Fault fault, Target target, Duration duration) {

    public MethodStep.FaultStep step(String name, int lane, Duration at) {
        return new MethodStep.FaultStep(name, lane, at, duration, backend, fault, target, 1.0);
    }
}
