package dev.faultline.engine.spi;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Target;
import java.util.List;

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

    /**
     * The targets of {@code kind} ({@code process}, {@code proxy}, {@code pod} ...) this backend finds
     * in its environment now, for an author to pick from; a backend that cannot list a kind returns
     * none. May block for a network call or a scan of the machine's processes: not on a UI thread.
     *
     * @throws BackendException saying what could not be reached (the chaos proxy, the cluster)
     */
    default List<DiscoveredTarget> listTargets(String kind) throws BackendException {
        return List.of();
    }
}
