package dev.faultline.engine.spi.run;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One reading of a probe.
 *
 * @param value  the value read, NaN when the read failed
 * @param error  why the read failed, null when it did not
 * @param within whether the value is within the probe's tolerance (false when the read failed)
 */
public record ProbeSample(
        String probe,
        RunPhase phase,
        Instant at,
        double value,
        @Nullable String error,
        boolean within) {
    public ProbeSample {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(at, "at");
    }

    public boolean ok() {
        return error == null;
    }
}
