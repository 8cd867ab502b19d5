package dev.faultline.engine.report;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A weakness learned: what happened against what was expected, linked to the GameDay run, a run,
 * a probe and an observation where they apply (empty text / null when not). {@code closedAt}: when
 * the team closed it (dealt with), null while it is open.
 */
public record Finding(
        long id,
        String gameDayRunId,
        String runId,
        String probe,
        @Nullable Long observationId,
        String title,
        String happened,
        String expected,
        Severity severity,
        Instant createdAt,
        @Nullable Instant closedAt) {
    /** An open finding. */
    public Finding(
            long id,
            String gameDayRunId,
            String runId,
            String probe,
            @Nullable Long observationId,
            String title,
            String happened,
            String expected,
            Severity severity,
            Instant createdAt) {
        this(id, gameDayRunId, runId, probe, observationId, title, happened, expected, severity, createdAt, null);
    }

    public boolean open() {
        return closedAt == null;
    }

    public Finding {
        Objects.requireNonNull(gameDayRunId, "gameDayRunId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(happened, "happened");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(createdAt, "createdAt");
        if (title.isBlank()) {
            throw new IllegalArgumentException("a finding needs a title");
        }
        if (gameDayRunId.isEmpty() && runId.isEmpty()) {
            throw new IllegalArgumentException("a finding belongs to a GameDay run or a run");
        }
    }
}
