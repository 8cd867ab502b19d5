package dev.faultline.engine.testkit;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.spi.MetricSource;
import dev.faultline.engine.spi.MetricSourceProvider;
import java.util.List;

/** Probe type {@code simulated}: reads {@code metric} from a {@link SimulatedSystem}. */
public final class SimulatedProbes implements MetricSourceProvider {
    private final SimulatedSystem system;

    public SimulatedProbes(SimulatedSystem system) {
        this.system = system;
    }

    @Override
    public String type() {
        return "simulated";
    }

    @Override
    public List<String> validate(Params params) {
        return params.has("metric") ? List.of() : List.of("'metric' is required");
    }

    @Override
    public MetricSource open(Probe probe) {
        String metric = probe.params().require("metric");
        return () -> system.read(metric);
    }
}
