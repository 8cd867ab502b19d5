package dev.faultline.engine.report;

import java.time.Instant;
import java.util.Objects;

/** A lesson learned, in the retrospective's template: what went well, what did not, surprises, follow-ups. */
public record Lesson(long id, String gameDayRunId, Kind kind, String text, Instant createdAt) {
    public enum Kind {
        WENT_WELL("What went well"),
        WENT_BADLY("What did not go well"),
        SURPRISE("Surprises"),
        FOLLOW_UP("Follow-ups");

        private final String heading;

        Kind(String heading) {
            this.heading = heading;
        }

        public String heading() {
            return heading;
        }
    }

    public Lesson {
        Objects.requireNonNull(gameDayRunId, "gameDayRunId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a lesson needs a text");
        }
    }
}
