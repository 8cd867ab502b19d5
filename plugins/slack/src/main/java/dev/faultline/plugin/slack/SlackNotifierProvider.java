package dev.faultline.plugin.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.faultline.engine.spi.Notifier;
import dev.faultline.engine.spi.NotifierException;
import dev.faultline.engine.spi.NotifierProvider;
import dev.faultline.engine.spi.NotifierSettings;
import dev.faultline.engine.spi.Undelivered;
import java.time.Clock;
import java.util.Optional;

/**
 * Slack, through the official {@code slack-api-client}: {@code slack.webhookUrl}, or {@code slack.token}
 * with {@code slack.channel}; {@code slack.apiUrl} points the Web API elsewhere (tests).
 */
public final class SlackNotifierProvider implements NotifierProvider {

    @Override
    public String id() {
        return "slack";
    }

    @Override
    public Optional<Notifier> create(NotifierSettings settings, Undelivered.Sink undelivered) throws NotifierException {
        Optional<SlackSettings> s = SlackSettings.from(settings);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        SlackNotifier n = notifier(s.get(), undelivered);
        settings.value(SCHEDULE).filter(v -> !v.isBlank()).ifPresent(n::scheduledBy);
        return Optional.of(n);
    }

    /** Set (by the app) when the run is a schedule's: its name, for a message of its own. */
    static final String SCHEDULE = "run.schedule";

    @Override
    public String sendTest(NotifierSettings settings) throws NotifierException {
        SlackSettings s = SlackSettings.from(settings)
                .orElseThrow(
                        () -> new NotifierException(
                                "slack is not set up: set slack.webhookUrl, or slack.token and slack.channel (docs/plugins/slack.md)"));
        SlackNotifier n = notifier(s, u -> {});
        try {
            String ts = n.sendTest(SlackMessages.test(host()));
            return "test message sent to " + s.describe() + (ts.isEmpty() ? "" : " (ts " + ts + ")");
        } catch (SlackFailure f) {
            throw new NotifierException(
                    "slack: the test message to " + s.describe() + " was not delivered: " + f.getMessage());
        } finally {
            n.close();
        }
    }

    private static SlackNotifier notifier(SlackSettings s, Undelivered.Sink undelivered) {
        SlackConfig config = new SlackConfig();
        config.setStatsEnabled(false); // else the client calls auth.test first
        config.setMethodsEndpointUrlPrefix(s.apiUrl());
        int ms = (int) s.timeout().toMillis();
        config.setHttpClientReadTimeoutMillis(ms);
        config.setHttpClientWriteTimeoutMillis(ms);
        config.setHttpClientCallTimeoutMillis(ms);
        config.setPrettyResponseLoggingEnabled(false);
        Slack slack = Slack.getInstance(config);
        SlackTransport t = s.webhook() ? new WebhookTransport(slack, s) : new WebApiTransport(slack, s);
        return new SlackNotifier(
                t,
                new Delivery(s.attempts(), s.longestRetryAfter(), d -> Thread.sleep(d.toMillis())),
                undelivered,
                Clock.systemUTC(),
                s.reportFile());
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "this machine";
        }
    }
}
