package dev.faultline.plugin.local;

import dev.faultline.engine.spi.Secret;
import dev.faultline.engine.spi.SettingsException;
import dev.faultline.engine.spi.BackendException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a chaos proxy's API (Faultline's own or any Toxiproxy server), with timeouts; with a
 * {@link ProxyApiToken} set, every request carries {@code Authorization: Bearer TOKEN}, and a 401
 * is one line saying what to set.
 */
final class ProxyApiClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String base;
    private final HttpClient http;
    private final ProxyApiToken token;
    private final JsonMapper json = JsonMapper.builder().build();

    ProxyApiClient(String base, HttpClient http, ProxyApiToken token) {
        this.base = base.replaceAll("/+$", "");
        this.http = http;
        this.token = token;
    }

    String base() {
        return base;
    }

    record Answer(int status, JsonNode body) {
    }

    Answer get(String path) throws BackendException {
        return call("GET", path, null);
    }

    Answer post(String path, String body) throws BackendException {
        return call("POST", path, body);
    }

    Answer delete(String path) throws BackendException {
        return call("DELETE", path, null);
    }

    static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Answer call(String method, String path, String body) throws BackendException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("User-Agent", "faultline").header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            Secret secret = token.read();
            if (secret != null) {
                b.header("Authorization", "Bearer " + secret.reveal());
            }
        } catch (SettingsException e) {
            throw new BackendException(LocalBackendProvider.ID, e.getMessage());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 401) {
                throw new BackendException(LocalBackendProvider.ID, token.refusal(base));
            }
            JsonNode n = r.body().isBlank() ? json.createObjectNode() : parse(r.body());
            return new Answer(r.statusCode(), n);
        } catch (IOException e) {
            throw new BackendException(LocalBackendProvider.ID, "no chaos proxy answers at " + base + " (" + e
                    .getClass().getSimpleName() + "); start the sandbox or `faultline proxy`");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(LocalBackendProvider.ID, "interrupted while calling " + base + path);
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (RuntimeException e) {
            return json.createObjectNode().put("error", text.strip());
        }
    }

    static String error(Answer a) {
        return a.status() + " " + a.body().path("error").asString("");
    }
}
