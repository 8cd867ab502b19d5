package dev.faultline.plugin.slack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local Slack on 127.0.0.1 that answers as /work/shared/protocols/slack.md documents: incoming
 * webhooks (200 "ok", plain-text error codes with statuses), chat.postMessage and chat.update (HTTP 200
 * with ok:false for errors, channel + ts on success), 429 with Retry-After, and, on request, no
 * answer at all.
 */
public final class SlackApiServer implements AutoCloseable {
    public static final String TOKEN = "xoxb-1111-2222-goodtokenvalue";
    public static final String HOOK_SECRET = "hooksecretvalue1234567890";
    public static final String CHANNEL_ID = "C0GAMEDAY1";
    public static final String CHANNEL_NAME = "#gameday";

    /** One message as Slack received it. */
    public record Received(
            String method, String channel, String ts, String threadTs, String text, String blocks, boolean broadcast) {}

    public final List<Received> messages = new CopyOnWriteArrayList<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    final List<Long> requestNanos = new CopyOnWriteArrayList<>();
    private final Set<String> postedTs = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ratelimited = new AtomicInteger();
    private volatile int retryAfterSeconds = 1;
    private volatile boolean hang;
    private final AtomicInteger seq = new AtomicInteger(247);
    private final MockWebServer server = new MockWebServer();
    private final JsonMapper json = JsonMapper.builder().build();

    public SlackApiServer() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return answer(r);
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/api/";
    }

    public String webhookUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/services/T0TEAM/B0HOOK/" + HOOK_SECRET;
    }

    String wrongWebhookUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/services/T0TEAM/B0HOOK/removedhook";
    }

    /** A webhook Slack revoked: 403 {@code invalid_token}, as Slack answers one. */
    String revokedWebhookUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/services/T0TEAM/B0HOOK/revokedhook";
    }

    /** A webhook whose channel was archived: 410 {@code channel_is_archived}. */
    String archivedWebhookUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/services/T0TEAM/B0HOOK/archivedhook";
    }

    /** The next {@code n} requests get 429 with {@code Retry-After: seconds}. */
    public void rateLimitNext(int n, int seconds) {
        retryAfterSeconds = seconds;
        ratelimited.set(n);
    }

    /** Accept requests and never answer. */
    public void hang() {
        hang = true;
    }

    private MockResponse answer(RecordedRequest r) {
        String path = r.getUrl().encodedPath();
        requests.add(r.getMethod() + " " + path);
        requestNanos.add(System.nanoTime());
        if (hang) {
            return new MockResponse.Builder()
                    .headersDelay(60, TimeUnit.SECONDS)
                    .body("ok")
                    .build();
        }
        boolean webhook = path.startsWith("/services/");
        if (ratelimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new MockResponse.Builder()
                    .code(429)
                    .addHeader("Retry-After", retryAfterSeconds)
                    .body(webhook ? "rate_limited" : "{\"ok\":false,\"error\":\"ratelimited\"}")
                    .build();
        }
        String body = r.getBody() == null ? "" : r.getBody().utf8();
        if (webhook) {
            return webhook(path, body);
        }
        Map<String, String> form = fields(r, body);
        String auth = r.getHeaders().get("Authorization");
        if (auth == null || auth.isBlank()) {
            return error("not_authed");
        }
        if (!auth.equals("Bearer " + TOKEN)) {
            return error("invalid_auth");
        }
        String channel = form.getOrDefault("channel", "");
        if (!channel.equals(CHANNEL_ID) && !channel.equals(CHANNEL_NAME)) {
            return error("channel_not_found");
        }
        String text = form.getOrDefault("text", "");
        String blocks = form.getOrDefault("blocks", "");
        if (!blocks.isEmpty()) {
            try {
                blocks = json.readTree(blocks).toString(); // as Slack reads it: \u003c is <
            } catch (RuntimeException e) {
                return error("invalid_blocks_format");
            }
        }
        if (text.isEmpty() && blocks.isEmpty()) {
            return error("no_text");
        }
        if (path.equals("/api/chat.postMessage")) {
            String ts = "1503435956.000" + seq.incrementAndGet();
            postedTs.add(ts);
            messages.add(new Received(
                    "chat.postMessage",
                    channel,
                    ts,
                    form.getOrDefault("thread_ts", ""),
                    text,
                    blocks,
                    "true".equals(form.get("reply_broadcast"))));
            return ok("{\"ok\":true,\"channel\":\"" + CHANNEL_ID + "\",\"ts\":\"" + ts + "\",\"message\":{\"text\":"
                    + json.writeValueAsString(text) + "}}");
        }
        if (path.equals("/api/chat.update")) {
            String ts = form.getOrDefault("ts", "");
            if (!channel.equals(CHANNEL_ID)) {
                return error("channel_not_found"); // chat.update needs the channel's ID
            }
            if (!postedTs.contains(ts)) {
                return error("message_not_found");
            }
            messages.add(new Received("chat.update", channel, ts, "", text, blocks, false));
            return ok("{\"ok\":true,\"channel\":\"" + CHANNEL_ID + "\",\"ts\":\"" + ts + "\",\"text\":"
                    + json.writeValueAsString(text) + "}");
        }
        return error("unknown_method");
    }

    private MockResponse webhook(String path, String body) {
        if (path.endsWith("/revokedhook")) {
            return new MockResponse.Builder().code(403).body("invalid_token").build();
        }
        if (path.endsWith("/archivedhook")) {
            return new MockResponse.Builder()
                    .code(410)
                    .body("channel_is_archived")
                    .build();
        }
        if (!path.endsWith("/" + HOOK_SECRET)) {
            return new MockResponse.Builder().code(404).body("no_service").build();
        }
        JsonNode n;
        try {
            n = json.readTree(body);
        } catch (RuntimeException e) {
            return new MockResponse.Builder().code(400).body("invalid_payload").build();
        }
        if (!n.hasNonNull("text") && !n.hasNonNull("blocks")) {
            return new MockResponse.Builder().code(400).body("no_text").build();
        }
        messages.add(new Received(
                "webhook",
                "",
                "",
                n.path("thread_ts").asString(""),
                n.path("text").asString(""),
                n.path("blocks").toString(),
                false));
        return new MockResponse.Builder().code(200).body("ok").build();
    }

    private Map<String, String> fields(RecordedRequest r, String body) {
        Map<String, String> out = new HashMap<>();
        String type = r.getHeaders().get("Content-Type");
        if (type != null && type.startsWith("application/json")) {
            JsonNode n = json.readTree(body);
            n.properties()
                    .forEach(e -> out.put(
                            e.getKey(),
                            e.getValue().isString()
                                    ? e.getValue().asString()
                                    : e.getValue().toString()));
            return out;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json; charset=utf-8")
                .body(body)
                .build();
    }

    private static MockResponse error(String code) {
        return ok("{\"ok\":false,\"error\":\"" + code + "\"}");
    }

    @Override
    public void close() {
        server.close();
    }
}
