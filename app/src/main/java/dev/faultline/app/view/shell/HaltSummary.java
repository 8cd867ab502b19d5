package dev.faultline.app.view.shell;

import dev.faultline.engine.safety.HaltReport;
import dev.faultline.engine.safety.RevertOutcome;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The words of the kill switch's banner: since when and why it is engaged, which faults it reverted
 * (by step and what they did) and which it failed to revert, with what to do by hand.
 */
final class HaltSummary {
    /** How to go on, where the release is offered: the latched button (and a paused GameDay's panel). */
    static final String RELEASE =
            "Nothing starts until it is released: press HALTED — Release… and say why it is safe.";

    private HaltSummary() {}

    static String of(HaltReport r, ZoneId zone) {
        StringBuilder b = new StringBuilder("Kill switch engaged at ")
                .append(DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone).format(r.engagedAt()))
                .append(" (")
                .append(r.reason().detail())
                .append("). ");
        List<RevertOutcome> ok =
                r.outcomes().stream().filter(o -> !o.needsAttention()).toList();
        List<RevertOutcome> bad = r.needingAttention();
        if (r.outcomes().isEmpty()) {
            b.append("No fault was active: nothing to revert. ");
        }
        if (!ok.isEmpty()) {
            b.append("Reverted and confirmed gone: ")
                    .append(String.join(", ", ok.stream().map(HaltSummary::name).toList()))
                    .append(". ");
        }
        if (!bad.isEmpty()) {
            b.append("FAILED to revert: ")
                    .append(String.join(
                            "; ",
                            bad.stream()
                                    .map(o -> name(o) + " — " + o.detail()
                                            + (o.manualStep().isEmpty() ? "" : "; by hand: " + o.manualStep()))
                                    .toList()))
                    .append(". ");
        }
        if (!r.notLatched().isEmpty()) {
            b.append("Other Faultlines may not have seen the halt: ")
                    .append(r.notLatched())
                    .append(". ");
        }
        return b.append(RELEASE).toString();
    }

    private static String name(RevertOutcome o) {
        String d = o.handle().description();
        return d.isBlank() || d.equals(o.step()) ? o.step() : o.step() + " (" + d + ")";
    }
}
