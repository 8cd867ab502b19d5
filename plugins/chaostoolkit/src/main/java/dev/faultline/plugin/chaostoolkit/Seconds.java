package dev.faultline.plugin.chaostoolkit;

import java.math.BigDecimal;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Chaos Toolkit counts pauses and timeouts in seconds (numbers, fractions allowed). */
final class Seconds {
    private Seconds() {}

    static Duration toDuration(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** Whole seconds as an integer, else a decimal: {@code 20}, {@code 0.5}. */
    static JsonNode of(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 == 0) {
            return JsonNodeFactory.instance.numberNode(ms / 1000);
        }
        return JsonNodeFactory.instance.numberNode(
                BigDecimal.valueOf(ms).movePointLeft(3).stripTrailingZeros().doubleValue());
    }
}
