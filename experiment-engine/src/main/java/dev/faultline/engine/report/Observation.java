package dev.faultline.engine.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A timestamped note made during a run or a GameDay ({@code faultline note RUN "text"}, the app);
 * it lands on the run's timeline. {@code subject} is the run's or the GameDay run's id.
 */
public record Observation(long id, String subject, Instant at, String author, String text) {
    /** The longest note kept (1 MiB of text); longer ones are refused, never cut. */
    public static final int MAX_CHARS = 1 << 20;

    public Observation {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("an observation needs a text");
        }
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("the note has " + text.length() + " characters; at most " + MAX_CHARS
                    + " are kept: split it, or attach the rest as a file and note its path");
        }
    }
}
