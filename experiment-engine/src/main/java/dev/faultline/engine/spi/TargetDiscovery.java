package dev.faultline.engine.spi;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Target;

/** A backend that can tell, before anything is injected, whether a target exists. */
public interface TargetDiscovery {

    /**
     * @throws BackendException saying what is missing when the target is not there
     * @return a short description of what was found, e.g. "pid 4242 (sandbox-payment)"
     */
    String findTarget(Target target) throws BackendException;

    /**
     * As {@link #findTarget(Target)}, for a fault step making {@code fault} on {@code share} of the
     * target within {@code blastRadius}: a backend whose target is a set (pods matched by a selector)
     * lists the members it really matches and refuses when the step would hit more than the blast
     * radius allows, or when what the fault needs on the cluster is missing.
     */
    default String findTarget(Target target, Fault fault, double share, BlastRadius blastRadius)
            throws BackendException {
        return findTarget(target);
    }
}
