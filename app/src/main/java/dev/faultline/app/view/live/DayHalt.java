package dev.faultline.app.view.live;

import dev.faultline.engine.spi.run.HaltReason;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Why a GameDay's experiment was halted, as the engine said it ({@link HaltReason}: who or what
 * pulled it, in its words), when, and once the kill switch is released, when and why. Said once,
 * in one place: the paused panel, the log and the separator of the run that follows read it alike.
 *
 * @param release the kill switch's release while the day was paused; null while none was released
 */
public record DayHalt(
        HaltReason reason, Instant at, @Nullable Release release) {

    /** The kill switch's release: when, and the reason the person gave. */
    public record Release(Instant at, String why) {}

    public DayHalt(HaltReason reason, Instant at) {
        this(reason, at, null);
    }

    public DayHalt released(Instant when, String why) {
        return new DayHalt(reason, at, new Release(when, why));
    }

    public boolean byKillSwitch() {
        return reason.source() == HaltReason.Source.KILL_SWITCH;
    }

    /**
     * "halted at 10:42:07 by the kill switch (pressed in the app); released at 10:43:10: all faults
     * gone". A halt of the experiment's own (its stop condition, its method) names a release of the
     * kill switch pressed meanwhile as "the kill switch released at ...".
     */
    public String describe(DateTimeFormatter time) {
        String released = release == null
                ? ""
                : (byKillSwitch() ? "; released at " : "; the kill switch released at ") + time.format(release.at())
                        + ": " + release.why();
        return "halted at " + time.format(at) + " " + by() + released;
    }

    private String by() {
        String detail = reason.detail().strip();
        return switch (reason.source()) {
            case KILL_SWITCH -> "by the kill switch" + (detail.isEmpty() ? "" : " (" + detail + ")");
            // the detail names the condition: "stop condition orders-failing: order-success-ratio read 0.31"
            case STOP_CONDITION -> "by its " + (detail.isEmpty() ? "stop condition" : detail);
            case METHOD -> "by its method" + (detail.isEmpty() ? "" : ": " + detail);
            case SIGNAL -> "by a stop request" + (detail.isEmpty() ? "" : " (" + detail + ")");
        };
    }
}
