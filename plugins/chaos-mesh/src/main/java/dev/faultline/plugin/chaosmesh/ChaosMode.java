package dev.faultline.plugin.chaosmesh;

import java.util.OptionalInt;

/**
 * Chaos Mesh's {@code mode}/{@code value}: a target's {@code count} gives {@code one} or
 * {@code fixed}; otherwise the step's share gives {@code all} (100%) or {@code fixed-percent}.
 */
record ChaosMode(String mode, String value) {

    static ChaosMode of(OptionalInt count, double share) {
        if (count.isPresent()) {
            return count.getAsInt() == 1
                    ? new ChaosMode("one", "")
                    : new ChaosMode("fixed", Integer.toString(count.getAsInt()));
        }
        int percent = (int) Math.floor(share * 100 + 1e-9);
        return percent >= 100 ? new ChaosMode("all", "") : new ChaosMode("fixed-percent", Integer.toString(percent));
    }

    /** How many of {@code pods} pods Chaos Mesh selects in this mode (fixed-percent rounds down). */
    int affected(int pods) {
        return switch (mode) {
            case "one" -> Math.min(1, pods);
            case "fixed" -> Math.min(Integer.parseInt(value), pods);
            case "fixed-percent" -> (int) Math.floor(pods * Integer.parseInt(value) / 100.0);
            default -> pods;
        };
    }
}
