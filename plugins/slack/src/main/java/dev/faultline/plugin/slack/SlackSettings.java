package dev.faultline.plugin.slack;

import dev.faultline.engine.spi.NotifierException;
import dev.faultline.engine.spi.NotifierSettings;
import dev.faultline.engine.spi.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Slack settings ({@code slack.*} in {@code notifiers.properties}): an incoming webhook URL, or a
 * bot token with the channel to post to. Secrets stay in {@link Secret}s: printing these settings
 * never shows them.
 */
record SlackSettings(
        @Nullable Secret webhookUrl,
        @Nullable Secret token,
        String channel,
        String apiUrl,
        Duration timeout,
        int attempts,
        Duration longestRetryAfter,
        String reportFile) {
    static final String DEFAULT_API = "https://slack.com/api/";
    private static final Pattern CHANNEL = Pattern.compile("[#]?[\\p{L}\\p{N}_.-]{1,80}|[CGD][A-Z0-9]{6,20}");

    boolean webhook() {
        return webhookUrl != null;
    }

    /** What it posts to, safe to show: "webhook ****abcd" or "channel #gameday". */
    String describe() {
        return webhookUrl != null ? "incoming webhook " + webhookUrl.hint() : "channel " + channel;
    }

    /** Empty when nothing of Slack is configured; else the checked settings. */
    static Optional<SlackSettings> from(NotifierSettings s) throws NotifierException {
        Optional<Secret> hook = s.secret("slack.webhookUrl");
        Optional<Secret> token = s.secret("slack.token");
        if (hook.isEmpty() && token.isEmpty()) {
            if (s.mentions("slack")) {
                throw new NotifierException("slack: neither slack.webhookUrl nor slack.token is set; set one of them"
                        + " (docs/plugins/slack.md)");
            }
            return Optional.empty();
        }
        if (hook.isPresent() && token.isPresent()) {
            throw new NotifierException("slack: both slack.webhookUrl and slack.token are set; keep one of them");
        }
        String channel = s.value("slack.channel").orElse("");
        if (hook.isPresent()) {
            checkUrl(
                    "slack.webhookUrl",
                    hook.get().reveal(),
                    "an incoming webhook URL such as" + " https://hooks.slack.com/services/T…/B…/…");
        } else {
            String t = token.get().reveal();
            if (!(t.startsWith("xoxb-") || t.startsWith("xoxp-"))) {
                throw new NotifierException("slack.token: " + token.get().hint()
                        + " is not a Slack token: a bot token starts" + " with xoxb- (a user token with xoxp-)");
            }
            if (channel.isEmpty()) {
                throw new NotifierException("slack.channel is missing: a bot token needs the channel to post to, by ID"
                        + " (C0123ABCD) or by name (#gameday)");
            }
            if (!CHANNEL.matcher(channel).matches()) {
                throw new NotifierException(
                        "slack.channel: '" + channel + "' is not a channel ID (C0123ABCD) or name (#gameday)");
            }
        }
        String api = s.value("slack.apiUrl").orElse(DEFAULT_API);
        checkUrl("slack.apiUrl", api, "the Web API's base URL, https://slack.com/api/");
        Duration timeout = duration(s, "slack.timeoutSeconds", 10);
        int attempts = integer(s, "slack.attempts", 4);
        return Optional.of(new SlackSettings(
                hook.orElse(null),
                token.orElse(null),
                channel,
                api.endsWith("/") ? api : api + "/",
                timeout,
                attempts,
                duration(s, "slack.longestRetryAfterSeconds", 60),
                s.value("report.file").orElse("")));
    }

    private static void checkUrl(String key, String value, String expected) throws NotifierException {
        try {
            URI u = URI.create(value);
            if (u.getScheme() == null
                    || !(u.getScheme().equals("https") || u.getScheme().equals("http"))
                    || u.getHost() == null) {
                throw new IllegalArgumentException("no http(s) host");
            }
        } catch (IllegalArgumentException e) {
            // the value may be a secret: never show it
            throw new NotifierException(key + " is not a URL; expected " + expected);
        }
    }

    private static Duration duration(NotifierSettings s, String key, int fallbackSeconds) throws NotifierException {
        return Duration.ofSeconds(integer(s, key, fallbackSeconds));
    }

    private static int integer(NotifierSettings s, String key, int fallback) throws NotifierException {
        Optional<String> v = s.value(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new NotifierException(key + ": '" + v.get() + "' is not a whole number above 0");
        }
    }
}
