package dev.faultline.plugin.litmus;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.spi.MetricSource;
import dev.faultline.engine.spi.MetricSourceProvider;
import java.util.List;

/**
 * A simulated probe type for runs against the mock cluster, where no application runs: every read
 * gives {@code value}. Used to drive the real runner through its phases, not to judge a system.
 */
record SteadyProbes(String type, double value) implements MetricSourceProvider {
    @Override
    public List<String> validate(Params params) {
        return List.of();
    }

    @Override
    public MetricSource open(Probe probe) {
        return () -> value;
    }
}
