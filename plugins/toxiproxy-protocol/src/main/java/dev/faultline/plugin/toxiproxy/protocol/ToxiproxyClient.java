package dev.faultline.plugin.toxiproxy.protocol;

import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyException.ErrorAnswer;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyException.NoAnswer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.SequencedMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A client of one Toxiproxy API (a Toxiproxy server, or Faultline's chaos proxy, which serves the
 * same API), over the JDK's HTTP client: proxies and toxics listed, read, created and deleted, a
 * proxy enabled or disabled, everything reset, the version. Each call has the given timeout;
 * with a bearer token every request carries {@code Authorization: Bearer TOKEN} (the token is
 * never printed). Answers outside 2xx throw {@link ErrorAnswer} with the status and the body's
 * {@code error}, whatever the content type (Toxiproxy sends its JSON errors as text/plain); no
 * answer throws {@link NoAnswer} (a base that is not an http URL too, at the first call). Paths are escaped here: callers give names as they are.
 */
public final class ToxiproxyClient {
    /**
     * How a proxy's {@code enabled} is changed: {@code PATCH} as Toxiproxy prefers, or {@code POST},
     * which every Toxiproxy 2 and Faultline's chaos proxy take and which older servers need.
     */
    public enum ProxyUpdate {
        PATCH,
        POST
    }

    /** One answer, any status: for calls this client has no method for (a server's own extensions). */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final String base;
    private final HttpClient http;
    private final Duration timeout;
    private final @Nullable String bearerToken;
    private final ProxyUpdate proxyUpdate;

    /**
     * @param base the API's address, e.g. {@code http://127.0.0.1:8474} (trailing slashes dropped)
     * @param http the HTTP client, with its connect timeout; the caller owns it
     * @param timeout the longest wait for an answer to one call
     * @param bearerToken the token to send, or null to send none
     * @param proxyUpdate the method that changes a proxy
     */
    public ToxiproxyClient(
            String base, HttpClient http, Duration timeout, @Nullable String bearerToken, ProxyUpdate proxyUpdate) {
        this.base = base.replaceAll("/+$", "");
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.bearerToken = bearerToken;
        this.proxyUpdate = Objects.requireNonNull(proxyUpdate, "proxyUpdate");
    }

    public String base() {
        return base;
    }

    /** A name as one path segment: escaped, spaces as {@code %20}. */
    public static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code GET /version}: the server's version, {@code ?} when its answer names none. */
    public String version() throws ToxiproxyException {
        return expect("GET", "/version", null).path("version").asString("?");
    }

    /** {@code GET /proxies}: every proxy with its toxics, by name. */
    public SequencedMap<String, Proxy> proxies() throws ToxiproxyException {
        return ToxiproxyJson.proxies(expect("GET", "/proxies", null));
    }

    /** {@code GET /proxies/{name}}. */
    public Proxy proxy(String name) throws ToxiproxyException {
        return ToxiproxyJson.proxy(expect("GET", proxyPath(name), null));
    }

    /** {@code POST /proxies}: the proxy as created (with {@code listen} port 0, the port bound). */
    public Proxy createProxy(String name, String listen, String upstream, boolean enabled) throws ToxiproxyException {
        return ToxiproxyJson.proxy(expect(
                "POST", "/proxies", ToxiproxyJson.write(ToxiproxyJson.newProxy(name, listen, upstream, enabled))));
    }

    /** {@code DELETE /proxies/{name}}. */
    public void deleteProxy(String name) throws ToxiproxyException {
        expect("DELETE", proxyPath(name), null);
    }

    /** {@code PATCH} (or {@code POST}) {@code /proxies/{name}} with {@code {"enabled": ...}}: down, or back up. */
    public Proxy setEnabled(String name, boolean enabled) throws ToxiproxyException {
        return ToxiproxyJson.proxy(
                expect(proxyUpdate.name(), proxyPath(name), enabled ? "{\"enabled\":true}" : "{\"enabled\":false}"));
    }

    /** {@code GET /proxies/{proxy}/toxics}. */
    public List<Toxic> toxics(String proxy) throws ToxiproxyException {
        return ToxiproxyJson.toxics(expect("GET", toxicsPath(proxy), null));
    }

    /** {@code GET /proxies/{proxy}/toxics/{name}}. */
    public Toxic toxic(String proxy, String name) throws ToxiproxyException {
        return ToxiproxyJson.toxic(expect("GET", toxicsPath(proxy) + "/" + segment(name), null));
    }

    /** {@code POST /proxies/{proxy}/toxics}: the toxic as the server took it. A name in use is a 409. */
    public Toxic addToxic(String proxy, Toxic toxic) throws ToxiproxyException {
        return ToxiproxyJson.toxic(expect("POST", toxicsPath(proxy), ToxiproxyJson.write(ToxiproxyJson.toJson(toxic))));
    }

    /**
     * {@code POST /proxies/{proxy}/toxics/{name}} with {@code {"toxicity": ...}}: the toxic's share
     * of connections changed in place, its attributes kept. A 404 when the proxy or the toxic is unknown.
     */
    public Toxic setToxicity(String proxy, String name, double toxicity) throws ToxiproxyException {
        return ToxiproxyJson.toxic(expect(
                "POST",
                toxicsPath(proxy) + "/" + segment(name),
                "{\"toxicity\":" + BigDecimal.valueOf(toxicity).toPlainString() + "}"));
    }

    /** {@code DELETE /proxies/{proxy}/toxics/{name}}: a 404 when the proxy or the toxic is unknown. */
    public void removeToxic(String proxy, String name) throws ToxiproxyException {
        expect("DELETE", toxicsPath(proxy) + "/" + segment(name), null);
    }

    /** {@code POST /reset}: every proxy enabled and every toxic removed, on the whole server. */
    public void reset() throws ToxiproxyException {
        expect("POST", "/reset", "");
    }

    private static String proxyPath(String name) {
        return "/proxies/" + segment(name);
    }

    private static String toxicsPath(String proxy) {
        return proxyPath(proxy) + "/toxics";
    }

    private JsonNode expect(String method, String path, @Nullable String body) throws ToxiproxyException {
        Answer a = call(method, path, body);
        if (!a.ok()) {
            throw new ErrorAnswer(method, path, a.status(), ToxiproxyJson.error(a.body()));
        }
        return a.body();
    }

    /**
     * One call, whatever the status: {@code path} is sent as given (escape names with
     * {@link #segment}); the body, when given, as JSON.
     */
    public Answer call(String method, String path, @Nullable String body) throws NoAnswer {
        try {
            // HTTP/1.1 as Toxiproxy speaks it: no h2c upgrade offered to a server that never takes it.
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .version(HttpClient.Version.HTTP_1_1)
                    .timeout(timeout)
                    .header("User-Agent", "faultline")
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (bearerToken != null) {
                b.header("Authorization", "Bearer " + bearerToken);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), ToxiproxyJson.read(r.body()));
        } catch (HttpTimeoutException e) {
            throw noAnswer(method, path, NoAnswer.Reason.TIMED_OUT, e);
        } catch (ConnectException e) {
            throw noAnswer(method, path, NoAnswer.Reason.REFUSED, e);
        } catch (IOException | IllegalArgumentException e) {
            throw noAnswer(method, path, NoAnswer.Reason.FAILED, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw noAnswer(method, path, NoAnswer.Reason.INTERRUPTED, e);
        }
    }

    private static NoAnswer noAnswer(String method, String path, NoAnswer.Reason reason, Exception e) {
        return new NoAnswer(
                method, path, reason, e.getClass().getSimpleName(), e.getMessage() == null ? "" : e.getMessage());
    }

    @Override
    public String toString() {
        return "Toxiproxy API at " + base + (bearerToken == null ? "" : " (with a bearer token)");
    }
}
