package dev.faultline.plugin.slack;

import org.jspecify.annotations.Nullable;

/** One way of reaching Slack: a webhook (post only) or the Web API (post, update, threads). */
interface SlackTransport extends AutoCloseable {

    /** Posts; returns the message's {@code ts} when Slack gives one (the Web API), else null. */
    @Nullable
    String post(SlackMessage m, @Nullable String threadTs) throws SlackFailure;

    /** Replaces the message {@code ts} (the Web API only). */
    void update(String ts, SlackMessage m) throws SlackFailure;

    boolean canUpdate();

    @Override
    void close();
}
