package dev.faultline.engine.safety;

import dev.faultline.engine.spi.run.HaltReason;

/**
 * Follows the kill switch. Called on the kill switch's listener thread, in order, never on the
 * thread that pressed; a slow call holds up only the calls after it (and the report), no revert.
 */
public interface KillSwitchListener {

    default void engaged(HaltReason reason) {}

    /** "reverting 7/9": {@code done} of {@code total} faults are through, {@code last} the latest. */
    default void progress(int done, int total, RevertOutcome last) {}

    default void completed(HaltReport report) {}

    default void released(String reason) {}
}
