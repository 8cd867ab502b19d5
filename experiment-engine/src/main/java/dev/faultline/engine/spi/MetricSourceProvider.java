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
}
