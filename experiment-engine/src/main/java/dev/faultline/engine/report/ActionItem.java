package dev.faultline.engine.report;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Something to do after a GameDay: who, by when, how far, and the ticket that tracks it. */
public record ActionItem(
        long id,
        String gameDayRunId,
        @Nullable Long findingId,
        String title,
        String owner,
        @Nullable LocalDate due,
        Status status,
        String ticketUrl,
        Instant createdAt) {
    public enum Status {
        OPEN,
        IN_PROGRESS,
        DONE,
        WONT_DO;

        public boolean isOpen() {
            return this == OPEN || this == IN_PROGRESS;
        }
    }

    public ActionItem {
        Objects.requireNonNull(gameDayRunId, "gameDayRunId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ticketUrl, "ticketUrl");
        Objects.requireNonNull(createdAt, "createdAt");
        if (title.isBlank()) {
            throw new IllegalArgumentException("an action item needs a title");
        }
        if (owner.isBlank()) {
            throw new IllegalArgumentException("an action item needs an owner");
        }
        if (!ticketUrl.isEmpty()) {
            URI u;
            try {
                u = URI.create(ticketUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + ticketUrl + "' is not a URL");
            }
            if (u.getScheme() == null
                    || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
                throw new IllegalArgumentException("'" + ticketUrl + "' is not an http(s) URL");
            }
        }
    }
}
