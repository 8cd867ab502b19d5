package dev.faultline.engine.spi;

import dev.faultline.engine.model.Fault;
import java.util.Set;

/** Describes a backend and creates it. Found through {@link java.util.ServiceLoader}. */
public interface FaultBackendProvider {

    /** The id runbooks use in {@code backend:}. */
    String id();

    /** One line for people. */
    String description();

    Set<Class<? extends Fault>> supportedFaults();

    /** A cheap check that the backend can be reached with these settings. Never throws. */
    Availability check(BackendSettings settings);

    FaultBackend create(BackendSettings settings) throws BackendException;
}
