package dev.faultline.engine.spi;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import java.util.List;

/** A kind of probe: {@code http}, {@code metrics}, ... Found through {@link java.util.ServiceLoader}. */
public interface MetricSourceProvider {

    /** The probe type runbooks name. */
    String type();

    /** Problems with a probe's params, each naming its key; empty when they are fine. */
    List<String> validate(Params params);

    MetricSource open(Probe probe) throws ProbeException;

    /**
     * Opens the probe in an environment, whose settings for this probe type (e.g. the Prometheus
     * URL) fill in what the probe leaves out. By default the settings are not used.
     */
    default MetricSource open(Probe probe, BackendSettings settings) throws ProbeException {
        return open(probe);
    }

    /**
     * A cheap check that the source behind this probe type answers with an environment's settings
     * (for {@code faultline environments}). Never throws; by default there is nothing to check.
     */
    default Availability check(BackendSettings settings) {
        return new Availability.Available("nothing to check");
    }
}
