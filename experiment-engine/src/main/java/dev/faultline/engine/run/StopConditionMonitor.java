package dev.faultline.engine.run;

import dev.faultline.engine.model.StopCondition;
import dev.faultline.engine.spi.run.ProbeSample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts consecutive breaching samples per stop condition and says when one is breached. A sample
 * that could not be read counts as breaching: flying blind is not steady state.
 */
final class StopConditionMonitor {
    private final List<StopCondition> conditions;
    private final Map<String, Integer> streaks = new HashMap<>();

    StopConditionMonitor(List<StopCondition> conditions) {
        this.conditions = List.copyOf(conditions);
    }

    /** Feeds one sample; returns the condition it breached, if it did. */
    synchronized Optional<Breach> offer(ProbeSample sample) {
        for (StopCondition c : conditions) {
            if (!c.probe().name().equals(sample.probe())) {
                continue;
            }
            boolean breaching = !sample.ok() || c.haltWhen().accepts(sample.value());
            int streak = breaching ? streaks.merge(c.name(), 1, Integer::sum) : 0;
            if (!breaching) {
                streaks.put(c.name(), 0);
            }
            if (streak >= c.consecutive()) {
                String what = sample.ok()
                        ? sample.probe() + " read " + dev.faultline.engine.model.Numbers.format(sample.value())
                        : sample.probe() + " could not be read (" + sample.error() + ")";
                return Optional.of(new Breach(
                        c,
                        sample,
                        "stop condition " + c.name() + " breached: " + what
                                + ", halt when " + c.haltWhen().describe()
                                + (c.consecutive() > 1 ? " for " + c.consecutive() + " samples" : "")));
            }
        }
        return Optional.empty();
    }

    record Breach(StopCondition condition, ProbeSample sample, String detail) {}
}
