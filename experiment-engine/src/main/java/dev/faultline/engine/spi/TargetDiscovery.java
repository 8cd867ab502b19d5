package dev.faultline.engine.spi;

import dev.faultline.engine.model.Target;

/** A backend that can tell, before anything is injected, whether a target exists. */
public interface TargetDiscovery {

    /**
     * @throws BackendException saying what is missing when the target is not there
     * @return a short description of what was found, e.g. "pid 4242 (sandbox-payment)"
     */
    String findTarget(Target target) throws BackendException;
}
