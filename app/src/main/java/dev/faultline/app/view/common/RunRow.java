package dev.faultline.app.view.common;

import dev.faultline.engine.store.RunRecord;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of the runs table. */
public record RunRow(
        String runId,
        String experiment,
        String status,
        Instant startedAt,
        @Nullable Duration duration,
        String summary) {
    /** A stored run as a row: how long it took once it ended, and its summary without the outcome and duration the row shows. */
    public static RunRow of(RunRecord r) {
        Instant ended = r.endedAt();
        Duration took = ended == null ? null : Duration.between(r.startedAt(), ended);
        String stored = r.summary();
        String summary = stored == null ? "" : stored;
        // The stored summary starts "HALTED after 7s: ..."; the table shows outcome and duration already.
        if (summary.startsWith(r.status() + " after ") && summary.contains(": ")) {
            summary = summary.substring(summary.indexOf(": ") + 2);
        }
        return new RunRow(r.id(), r.experimentName(), r.status(), r.startedAt(), took, summary);
    }
}
