package dev.faultline.app.view.editor;

import dev.faultline.engine.model.CommandStep;
import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.MethodStep;
import java.time.Duration;

/** How steps read on the timeline and in the property sheet. */
final class StepText {
    private StepText() {}

    static String describe(MethodStep s) {
        if (s instanceof MethodStep.FaultStep f) {
            // a rollout's stages first: on a short block they are what is cut last
            return f.stages().map(r -> RolloutEdits.stages(r) + " · ").orElse("")
                    + f.fault().describe() + " → " + f.target().label()
                    + (f.stages().isEmpty() && f.share() < 1 ? " (" + Math.round(f.share() * 100) + "%)" : "");
        }
        if (s instanceof MethodStep.WaitUntilStep u) {
            return "wait until " + u.probe() + " holds";
        }
        if (s instanceof CommandStep c) {
            return "run " + c.command().describe();
        }
        return "wait";
    }

    static String seconds(Duration d) {
        return Durations.format(d);
    }
}
