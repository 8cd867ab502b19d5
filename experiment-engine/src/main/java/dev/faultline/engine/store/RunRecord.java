package dev.faultline.engine.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A run as the database keeps it. {@code status} is RUNNING until the run ends, then its outcome. */
public record RunRecord(
        String id,
        long experimentId,
        String experimentName,
        String environment,
        String status,
        Instant startedAt,
        @Nullable Instant endedAt,
        @Nullable String summary) {
    public RunRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(experimentName, "experimentName");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
