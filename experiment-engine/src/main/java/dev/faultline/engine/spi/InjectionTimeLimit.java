package dev.faultline.engine.spi;

import java.time.Duration;

/**
 * A backend some of whose injections may take longer than the run's limit for one backend call
 * (the revert policy's call timeout, 5 s): attaching to a JVM and loading the fault agent into it
 * on the first fault there. Only {@link FaultBackend#inject} is given the longer limit; preparing,
 * reverting and verifying keep the usual one. A halt does not wait for an injection in flight
 * beyond the policy's inject wait, so a longer limit never slows the kill switch.
 */
public interface InjectionTimeLimit {

    /**
     * How long injecting the fault of {@code handle} may take; {@code usual} is the run's limit for
     * one backend call. Never less than {@code usual}.
     */
    Duration injectWithin(FaultHandle handle, Duration usual);
}
