package dev.faultline.plugin.slack;

import com.slack.api.Slack;
import com.slack.api.webhook.Payload;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * An incoming webhook: HTTP 200 with the body {@code ok} is success; anything else is a plain-text
 * error code with a status (slack.md §1). No {@code ts} comes back, so no updates and no threads.
 */
final class WebhookTransport implements SlackTransport {
    private final Slack slack;
    private final SlackSettings settings;

    WebhookTransport(Slack slack, SlackSettings settings) {
        this.slack = slack;
        this.settings = settings;
    }

    @Override
    public @Nullable String post(SlackMessage m, @Nullable String threadTs) throws SlackFailure {
        WebhookResponse r;
        try {
            r = slack.send(
                    settings.webhookUrl().reveal(),
                    Payload.builder().text(m.text()).blocks(m.blocks()).build());
        } catch (IOException e) {
            throw new SlackFailure(
                    "io",
                    "cannot reach Slack: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + scrub(e.getMessage())),
                    true,
                    null);
        }
        int code = r.getCode() == null ? 0 : r.getCode();
        String body = r.getBody() == null ? "" : r.getBody().strip();
        if (code == 200 && body.equals("ok")) {
            return null;
        }
        if (code == 403 || code == 404 || code == 410) {
            throw refused(code, body);
        }
        throw Http.status(code, body, Http.retryAfter(Http.header(r.getHeaders(), "Retry-After")), settings);
    }

    /**
     * Slack will not take the webhook: a webhook URL carries its own secret and never uses
     * {@code slack.token}, so the fix is a new URL (or a channel that is not archived).
     */
    private static SlackFailure refused(int code, String body) {
        String c = body.isEmpty() || body.length() > 60 || body.contains(" ") ? "http_" + code : body;
        String what = code == 410 || c.equals("channel_is_archived")
                ? "the webhook's channel is archived (HTTP " + code + " " + c
                        + "): unarchive it, or make an incoming webhook"
                        + " for another channel and set slack.webhookUrl to its URL"
                : "Slack refused the webhook URL (HTTP " + code + " " + c
                        + "): the webhook was revoked or its URL is wrong;"
                        + " make a new incoming webhook in Slack (or copy its URL again) and set slack.webhookUrl to it";
        return new SlackFailure(c, what, false, null);
    }

    /** An I/O message may name the URL: leave out everything after the host. */
    private String scrub(String message) {
        String url = settings.webhookUrl().reveal();
        return message.replace(url, "<webhook>");
    }

    @Override
    public void update(String ts, SlackMessage m) {
        throw new UnsupportedOperationException("a webhook cannot update a message");
    }

    @Override
    public boolean canUpdate() {
        return false;
    }

    @Override
    public void close() {
        try {
            slack.close();
        } catch (Exception ignored) {
            // nothing left to release
        }
    }
}
