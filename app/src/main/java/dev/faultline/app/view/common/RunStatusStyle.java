package dev.faultline.app.view.common;

import java.util.List;
import java.util.Locale;

/**
 * The one mapping from a run's or a GameDay's status to its colour, for every place that shows one
 * (Home's table, the live view's phase line): held and completed in the success colour, deviated and
 * aborted in the warning colour, halted, stopped, failed, crashed, abandoned (its runner lost) and not started in the danger
 * colour, a run under way in the accent. A phase of a run under way ("method", "starting") has none.
 */
public final class RunStatusStyle {
    /** Every style class this mapping gives: remove them all before adding the one for a new status. */
    public static final List<String> ALL = List.of("outcome-good", "outcome-warn", "outcome-bad", "outcome-running");

    private RunStatusStyle() {}

    /** The style class for {@code status} ("HELD", "STOPPED", ...), or "" for a phase of a run under way. */
    public static String of(String status) {
        return switch (status.strip().toUpperCase(Locale.ROOT)) {
            case "HELD", "COMPLETED" -> "outcome-good";
            case "DEVIATED", "ABORTED" -> "outcome-warn";
            case "HALTED", "STOPPED", "FAILED", "CRASHED", "ABANDONED", "NOT STARTED" -> "outcome-bad";
            case "RUNNING" -> "outcome-running";
            default -> "";
        };
    }

    /** Gives {@code styles} the class of {@code status} in place of the one it had. */
    public static void apply(List<String> styles, String status) {
        styles.removeAll(ALL);
        String style = of(status);
        if (!style.isEmpty()) {
            styles.add(style);
        }
    }
}
