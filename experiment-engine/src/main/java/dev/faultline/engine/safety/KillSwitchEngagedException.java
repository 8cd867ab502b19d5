package dev.faultline.engine.safety;

import dev.faultline.engine.FaultlineException;

/** No run may start while the kill switch is engaged. */
public final class KillSwitchEngagedException extends FaultlineException {
    public KillSwitchEngagedException(KillSwitchLatch.Engagement e) {
        super("the kill switch is engaged since " + e.at() + " (" + e.reason()
                + "); no run starts until someone releases it: faultline release --reason \"...\"");
    }
}
