package dev.faultline.engine.model;

import dev.faultline.engine.model.FaultAttribute.Shape;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A dependency fault in the seed's terms, made with the proxies: on a {@code proxy} target
 * unavailable is the link down, slow a latency toxic, intermittent connections reset; on an
 * {@code httpProxy} target they are 503s, delays and corrupted bodies.
 */
public record DependencyFault(Mode mode, Duration latency) implements Fault {
    /** The kind: {@code dependency}. */
    public static final FaultKind<DependencyFault> KIND = FaultKind.of(
            "dependency",
            DependencyFault.class,
            in -> {
                String text = in.text("mode", "");
                Mode m = Arrays.stream(Mode.values())
                        .filter(v -> v.runbookName().equals(text.toLowerCase(Locale.ROOT)))
                        .findFirst()
                        .orElse(null);
                if (m == null) {
                    in.problem(
                            "mode",
                            (text.isEmpty() ? "a dependency fault needs a mode" : "unknown mode '" + text + "'")
                                    + " (unavailable, slow, intermittent or corrupt)");
                    return null;
                }
                if (m != Mode.SLOW && in.has("latency")) {
                    in.problem("latency", "'latency' only applies to mode slow");
                    return null;
                }
                Duration latency = m == Mode.SLOW ? in.duration("latency", null, Limits.DELAY_MAX) : Duration.ZERO;
                return latency == null ? null : in.build("", () -> new DependencyFault(m, latency));
            },
            new DependencyFault(Mode.SLOW, Duration.ofMillis(500)),
            FaultAttribute.choice("mode", "unavailable", "slow", "intermittent", "corrupt"),
            FaultAttribute.of("latency", Shape.DURATION));

    /** What goes wrong with a dependency, in the seed's words. */
    public enum Mode {
        /** every call fails: the link is down, or the HTTP proxy answers 503 */
        UNAVAILABLE,
        /** every call is slowed by the latency */
        SLOW,
        /** a share of the calls fails (the step's share): connections reset, or 503 */
        INTERMITTENT,
        /** answers come back with corrupted bodies */
        CORRUPT;

        public String runbookName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DependencyFault {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(latency, "latency");
        if (mode == Mode.SLOW && (latency.isZero() || latency.isNegative())) {
            throw new IllegalArgumentException("a slow dependency needs a latency above 0");
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency cannot be negative");
        }
        Limits.atMost(latency, Limits.DELAY_MAX, "latency");
    }

    @Override
    public FaultKind<DependencyFault> kind() {
        return KIND;
    }

    @Override
    public String describe() {
        return switch (mode) {
            case UNAVAILABLE -> "dependency unavailable";
            case SLOW -> "dependency slow by " + Durations.format(latency);
            case INTERMITTENT -> "dependency failing intermittently";
            case CORRUPT -> "dependency returning corrupted data";
        };
    }

    @Override
    public void writeFields(FaultFieldWriter out) {
        out.put("mode", mode.runbookName());
        if (mode == Mode.SLOW) {
            out.put("latency", Durations.format(latency));
        }
    }
}
