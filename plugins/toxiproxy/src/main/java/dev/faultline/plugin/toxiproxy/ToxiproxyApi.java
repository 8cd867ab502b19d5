package dev.faultline.plugin.toxiproxy;

import dev.faultline.engine.spi.Secret;
import dev.faultline.engine.spi.BackendException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Toxiproxy server's HTTP API as documented: JSON answers, errors as
 * {@code {"error": ..., "status": ...}} (whatever the content type says), an empty 503 on the
 * server's own timeout, a plain 403 for browser user agents.
 */
final class ToxiproxyApi {
    private static final MediaType JSON = MediaType.get("application/json");

    private final String base;
    private final OkHttpClient http;
    private final @Nullable Secret token;
    private final JsonMapper json = JsonMapper.builder().build();

    ToxiproxyApi(String base, OkHttpClient http, @Nullable Secret token) {
        this.base = base.replaceAll("/+$", "");
        this.http = http;
        this.token = token;
    }

    String base() {
        return base;
    }

    JsonMapper json() {
        return json;
    }

    /** One answer: the status and the body as JSON (an error text becomes {@code {"error": text}}). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** "404 proxy not found", "503 (no answer in time)". */
        String error() {
            String e = body.path("error").asString("");
            return status + " " + (e.isEmpty() ? status == 503 ? "(the server timed out)" : "(no message)" : e);
        }
    }

    Answer get(String path) throws BackendException {
        return call("GET", path, null);
    }

    Answer post(String path, String body) throws BackendException {
        return call("POST", path, body);
    }

    Answer patch(String path, String body) throws BackendException {
        return call("PATCH", path, body);
    }

    Answer delete(String path) throws BackendException {
        return call("DELETE", path, null);
    }

    static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Answer call(String method, String path, @Nullable String body) throws BackendException {
        Request.Builder b = new Request.Builder().url(base + path).header("User-Agent", "faultline")
                .method(method, body == null ? (method.equals("GET") || method.equals("DELETE") ? null
                        : RequestBody.create(new byte[0], JSON)) : RequestBody.create(body, JSON));
        if (token != null) {
            b.header("Authorization", "Bearer " + token.reveal());
        }
        try (Response r = http.newCall(b.build()).execute()) {
            ResponseBody rb = r.body();
            String text = rb == null ? "" : rb.string();
            return new Answer(r.code(), text.isBlank() ? json.createObjectNode() : parse(text));
        } catch (InterruptedIOException e) {
            throw new BackendException(ToxiproxyBackendProvider.ID, "the Toxiproxy server at " + base
                    + " did not answer " + method + " " + path + " in time");
        } catch (IOException | IllegalArgumentException e) {
            throw new BackendException(ToxiproxyBackendProvider.ID, "no Toxiproxy server answers at " + base + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    private JsonNode parse(String text) {
        try {
            JsonNode n = json.readTree(text);
            return n == null ? json.createObjectNode() : n;
        } catch (RuntimeException e) {
            return json.createObjectNode().put("error", text.strip());
        }
    }
}
