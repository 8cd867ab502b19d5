package dev.faultline.engine.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A GameDay run as the database keeps it: status RUNNING until it ends, then COMPLETED, STOPPED or
 * FAILED; {@code runIds} are its experiment runs in order.
 */
public record GameDayRunRecord(
        String id,
        long gameDayId,
        String name,
        String title,
        String environment,
        String status,
        Instant startedAt,
        @Nullable Instant endedAt,
        String reason,
        List<String> runIds) {
    public GameDayRunRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        runIds = List.copyOf(runIds);
    }
}
