package dev.faultline.plugin.slack;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A call to Slack that did not succeed: Slack's error code, whether trying again can help, and how
 * long Slack asked us to wait (429 Retry-After). The message never holds a token or webhook URL.
 */
final class SlackFailure extends Exception {
    private final String code;
    private final boolean retryable;
    private final @Nullable Duration retryAfter;

    SlackFailure(String code, String message, boolean retryable, @Nullable Duration retryAfter) {
        super(message);
        this.code = code;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    String code() {
        return code;
    }

    boolean retryable() {
        return retryable;
    }

    @Nullable
    Duration retryAfter() {
        return retryAfter;
    }

    /** Words for Slack's error codes, for the person who has to fix the settings. */
    static String explain(String code, SlackSettings s) {
        return switch (code) {
            case "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "invalid_token" ->
                "Slack refused the token (" + code + "): check slack.token";
            case "channel_not_found" ->
                s.webhook()
                        ? "the webhook's channel no longer exists (channel_not_found)"
                        : "Slack has no channel '" + s.channel()
                                + "' the bot can see (channel_not_found): use the channel's ID"
                                + " and invite the bot to it";
            case "not_in_channel" ->
                "the bot is not in channel '" + s.channel() + "' (not_in_channel): invite it with /invite";
            case "no_service", "no_service_id", "no_team", "team_disabled" ->
                "the webhook URL is wrong or the webhook was removed (" + code + "): check slack.webhookUrl";
            case "is_archived", "channel_is_archived" -> "the channel is archived (" + code + ")";
            case "missing_scope" -> "the token lacks the chat:write scope (missing_scope)";
            case "ratelimited", "rate_limited" -> "Slack's rate limit (" + code + ")";
            case "msg_too_long" -> "the message is too long for Slack (msg_too_long)";
            default -> "Slack answered " + code;
        };
    }

    static boolean retryableCode(String code) {
        return switch (code) {
            case "ratelimited",
                    "rate_limited",
                    "request_timeout",
                    "internal_error",
                    "fatal_error",
                    "service_unavailable" -> true;
            default -> false;
        };
    }
}
