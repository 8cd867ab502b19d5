package dev.faultline.plugin.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The Web API with a bot token: {@code chat.postMessage} (keeping {@code channel} + {@code ts}) and
 * {@code chat.update}. Errors arrive as HTTP 200 with {@code ok:false}; 429 and 5xx as statuses.
 */
final class WebApiTransport implements SlackTransport {
    private final Slack slack;
    private final MethodsClient methods;
    private final SlackSettings settings;
    private volatile String channelId;

    WebApiTransport(Slack slack, SlackSettings settings) {
        this.slack = slack;
        this.settings = settings;
        this.methods = slack.methods(settings.token().reveal());
        this.channelId = settings.channel();
    }

    @Override
    public @Nullable String post(SlackMessage m, @Nullable String threadTs) throws SlackFailure {
        ChatPostMessageRequest.ChatPostMessageRequestBuilder b = ChatPostMessageRequest.builder()
                .channel(channelId)
                .text(m.text())
                .blocks(m.blocks());
        if (threadTs != null) {
            b.threadTs(threadTs).replyBroadcast(m.broadcast());
        }
        ChatPostMessageResponse r = call(() -> methods.chatPostMessage(b.build()));
        if (r.getChannel() != null && !r.getChannel().isBlank()) {
            channelId = r.getChannel(); // chat.update needs the ID, not the name
        }
        return r.getTs();
    }

    @Override
    public void update(String ts, SlackMessage m) throws SlackFailure {
        call(() -> methods.chatUpdate(ChatUpdateRequest.builder()
                .channel(channelId)
                .ts(ts)
                .text(m.text())
                .blocks(m.blocks())
                .build()));
    }

    private interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    private <T extends SlackApiTextResponse> T call(Call<T> c) throws SlackFailure {
        T r;
        try {
            r = c.run();
        } catch (SlackApiException e) {
            int code = e.getResponse() == null ? 0 : e.getResponse().code();
            String error = e.getError() != null && e.getError().getError() != null
                    ? e.getError().getError()
                    : "";
            throw Http.status(
                    code,
                    error,
                    e.getResponse() == null
                            ? null
                            : Http.retryAfter(e.getResponse().header("Retry-After")),
                    settings);
        } catch (IOException e) {
            throw new SlackFailure(
                    "io",
                    "cannot reach Slack: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    true,
                    null);
        }
        if (!r.isOk()) {
            String code = r.getError() == null ? "unknown_error" : r.getError();
            throw new SlackFailure(code, SlackFailure.explain(code, settings), SlackFailure.retryableCode(code), null);
        }
        return r;
    }

    @Override
    public boolean canUpdate() {
        return true;
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
