package dev.faultline.plugin.slack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reading Slack's HTTP answers: Retry-After, and what a status means. */
final class Http {
    private Http() {}

    static @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static @Nullable String header(@Nullable Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null
                    && e.getKey().equalsIgnoreCase(name)
                    && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    static SlackFailure status(int code, String body, @Nullable Duration retryAfter, SlackSettings s) {
        String c = body == null || body.isBlank() || body.length() > 60 || body.contains(" ")
                ? "http_" + code
                : body.strip();
        if (code == 429) {
            return new SlackFailure(
                    "ratelimited",
                    "Slack's rate limit (HTTP 429"
                            + (retryAfter == null ? "" : ", retry after " + retryAfter.toSeconds() + " s") + ")",
                    true,
                    retryAfter);
        }
        if (code >= 500) {
            return new SlackFailure(c, "Slack is not answering properly (HTTP " + code + ")", true, null);
        }
        return new SlackFailure(c, SlackFailure.explain(c, s) + " (HTTP " + code + ")", false, null);
    }
}
