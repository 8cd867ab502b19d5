package dev.faultline.engine.run;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each step of a method starts and ends, planned: explicit offsets where given, else after the
 * previous step of the same lane. A wait-until step is planned at its full timeout (its latest end).
 */
public record TimelinePlan(List<Entry> entries) {

    public record Entry(MethodStep step, Duration start, Duration end) {}

    public TimelinePlan {
        entries = List.copyOf(entries);
    }

    public static TimelinePlan of(Experiment experiment) {
        Map<Integer, Duration> laneCursor = new HashMap<>();
        List<Entry> out = new ArrayList<>();
        for (MethodStep s : experiment.method()) {
            Duration start = s.explicitStart().orElse(laneCursor.getOrDefault(s.lane(), Duration.ZERO));
            Duration end = start.plus(s.plannedLength());
            laneCursor.put(s.lane(), end);
            out.add(new Entry(s, start, end));
        }
        out.sort(Comparator.comparing(Entry::start));
        return new TimelinePlan(out);
    }

    /** The planned end of the whole method. */
    public Duration end() {
        return entries.stream().map(Entry::end).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }
}
