package dev.faultline.app.view.common;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of the runs table. */
public record RunRow(String runId, String experiment, String status, Instant startedAt, @Nullable Duration duration,
                     String summary) {
}
