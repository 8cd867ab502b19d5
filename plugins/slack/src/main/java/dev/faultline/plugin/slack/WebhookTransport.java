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
            r = slack.send(settings.webhookUrl().reveal(), Payload.builder().text(m.text()).blocks(m.blocks()).build());
        } catch (IOException e) {
            throw new SlackFailure("io", "cannot reach Slack: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + scrub(e.getMessage())), true, null);
        }
        int code = r.getCode() == null ? 0 : r.getCode();
        String body = r.getBody() == null ? "" : r.getBody().strip();
        if (code == 200 && body.equals("ok")) {
            return null;
        }
        throw Http.status(code, body, Http.retryAfter(Http.header(r.getHeaders(), "Retry-After")), settings);
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
