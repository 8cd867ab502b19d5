package dev.faultline.plugin.prometheus;

import dev.faultline.engine.spi.Secret;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Prometheus's HTTP API: form-encoded POSTs to {@code /api/v1/query(_range)}, the JSON envelope, any non-JSON error. */
final class PrometheusClient implements AutoCloseable {
    private final String base;
    private final OkHttpClient http;
    private final @Nullable Secret token;
    private final @Nullable Secret user;
    private final @Nullable Secret password;
    private final JsonMapper json = JsonMapper.builder().build();

    PrometheusClient(
            String base, Duration timeout, @Nullable Secret token, @Nullable Secret user, @Nullable Secret password) {
        this.base = base.replaceAll("/+$", "");
        long ms = timeout.toMillis();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(ms, TimeUnit.MILLISECONDS)
                .readTimeout(ms, TimeUnit.MILLISECONDS)
                .callTimeout(ms, TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .build();
        this.token = token;
        this.user = user;
        this.password = password;
    }

    String base() {
        return base;
    }

    /** What the server answered: the HTTP status and the envelope (a non-JSON body becomes {@code error}). */
    record Answer(int status, JsonNode body) {
        boolean success() {
            return status / 100 == 2 && body.path("status").asString("").equals("success");
        }

        /** The query itself is wrong (bad_data, execution): retrying cannot help. */
        boolean queryRejected() {
            String type = body.path("errorType").asString("");
            return type.equals("bad_data") || type.equals("execution") || status == 400 || status == 422;
        }

        String error() {
            String type = body.path("errorType").asString("");
            String msg = body.path("error").asString("");
            return "HTTP " + status + (type.isEmpty() ? "" : " " + type) + (msg.isEmpty() ? "" : ": " + msg);
        }
    }

    /** Failure to get any answer: refused, reset, timed out. */
    static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }

    Answer post(String path, Map<String, String> form) throws Unreachable {
        FormBody.Builder f = new FormBody.Builder();
        form.forEach(f::add);
        return call(new Request.Builder().url(base + path).post(f.build()));
    }

    Answer get(String path) throws Unreachable {
        return call(new Request.Builder().url(base + path).get());
    }

    private Answer call(Request.Builder b) throws Unreachable {
        b.header("User-Agent", "faultline").header("Accept", "application/json");
        // Credentials are revealed only here, into the request header, never into a field, a message or a log.
        if (token != null) {
            b.header("Authorization", "Bearer " + token.reveal());
        } else if (user != null && password != null) {
            b.header("Authorization", Credentials.basic(user.reveal(), password.reveal()));
        }
        try (Response r = http.newCall(b.build()).execute()) {
            ResponseBody rb = r.body();
            String text = rb == null ? "" : rb.string();
            return new Answer(r.code(), parse(text));
        } catch (InterruptedIOException e) {
            throw new Unreachable("Prometheus at " + base + " did not answer in time");
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreachable("no Prometheus answers at " + base + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    private JsonNode parse(String text) {
        try {
            JsonNode n = json.readTree(text);
            return n != null && n.isObject() ? n : json.createObjectNode().put("error", text.strip());
        } catch (RuntimeException e) {
            return json.createObjectNode().put("error", text.strip());
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
