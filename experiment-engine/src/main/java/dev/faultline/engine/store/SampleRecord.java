package dev.faultline.engine.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One stored probe sample; {@code value} is NaN and {@code error} set when the read failed. */
public record SampleRecord(
        String runId,
        String probe,
        String phase,
        Instant at,
        double value,
        @Nullable String error,
        boolean within) {}
