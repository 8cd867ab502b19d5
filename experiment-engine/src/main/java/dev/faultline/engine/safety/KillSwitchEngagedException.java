package dev.faultline.engine.safety;

import dev.faultline.engine.FaultlineException;
import java.time.temporal.ChronoUnit;

/** No run may start while the kill switch is engaged. */
public final class KillSwitchEngagedException extends FaultlineException {
    private final KillSwitchLatch.Engagement engagement;

    public KillSwitchEngagedException(KillSwitchLatch.Engagement e) {
        super("the kill switch is engaged since " + e.at().truncatedTo(ChronoUnit.SECONDS) + " (" + e.detail()
                + "); no run starts until someone releases it: faultline release --reason \"...\"");
        this.engagement = e;
    }

    /** Since when and why, for a caller that says it in its own words (the app, in the user's time zone). */
    public KillSwitchLatch.Engagement engagement() {
        return engagement;
    }
}
