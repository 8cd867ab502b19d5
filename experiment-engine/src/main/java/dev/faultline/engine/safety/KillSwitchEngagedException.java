package dev.faultline.engine.safety;

import dev.faultline.engine.FaultlineException;
import java.time.temporal.ChronoUnit;

/** No run may start while the kill switch is engaged. */
public final class KillSwitchEngagedException extends FaultlineException {
    public KillSwitchEngagedException(KillSwitchLatch.Engagement e) {
        super("the kill switch is engaged since " + e.at().truncatedTo(ChronoUnit.SECONDS) + " (" + e.detail()
                + "); no run starts until someone releases it: faultline release --reason \"...\"");
    }
}
