package dev.faultline.engine.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A message a notifier gave up on: kept in the database and listed ({@code faultline notifications}),
 * so that nothing the team should have been told is lost without trace. Never holds a secret.
 *
 * @param gameDayRunId the GameDay run it was about, or empty
 * @param runId        the experiment run it was about, or empty
 * @param message      the message's text as it would have been read
 * @param error        why it could not be delivered
 */
public record Undelivered(
        String notifier, Instant at, String gameDayRunId, String runId, String message, String error) {
    public Undelivered {
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(gameDayRunId, "gameDayRunId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(error, "error");
    }

    /** Keeps what could not be delivered; must not throw and must return quickly enough for a notifier thread. */
    @FunctionalInterface
    public interface Sink {
        void keep(Undelivered u);
    }
}
