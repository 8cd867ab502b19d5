package dev.faultline.plugin.kube.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.MethodStep.FaultStep;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** What a round trip through another format must keep of each fault step. */
public final class RoundTrips {
    private RoundTrips() {}

    /** Each step's start from the beginning of the method, by name. */
    public static Map<String, Duration> starts(Experiment e) {
        Map<String, Duration> out = new HashMap<>();
        Map<Integer, Duration> laneEnds = new HashMap<>();
        for (MethodStep s : e.method()) {
            Duration start = s.explicitStart().orElse(laneEnds.getOrDefault(s.lane(), Duration.ZERO));
            laneEnds.put(s.lane(), start.plus(s.plannedLength()));
            out.put(s.name(), start);
        }
        return out;
    }

    /** The fault step of {@code back} named as {@code original}'s keeps its fault, target, share, length and start. */
    public static void assertKept(Experiment original, FaultStep step, Experiment back, boolean startsKept) {
        FaultStep again = back.faultSteps().stream()
                .filter(s -> s.name().equals(step.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(original.name() + ": no step " + step.name() + " came back"));
        String as = original.name() + " " + step.name();
        assertThat(again.fault()).as(as).isEqualTo(step.fault());
        assertThat(again.target()).as(as).isEqualTo(step.target());
        assertThat(again.share()).as(as).isEqualTo(step.share());
        assertThat(again.duration()).as(as).isEqualTo(step.duration());
        assertThat(again.backend()).as(as).isEqualTo(step.backend());
        if (startsKept) {
            assertThat(starts(back).get(step.name()))
                    .as(as)
                    .isEqualTo(starts(original).get(step.name()));
        }
    }
}
