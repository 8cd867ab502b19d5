package dev.faultline.plugin.local;

import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.Secret;
import dev.faultline.engine.spi.SettingsException;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyClient;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyException;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyException.ErrorAnswer;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyException.NoAnswer;
import java.net.http.HttpClient;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A chaos proxy's API (Faultline's own or any Toxiproxy server) for the local backend: the shared
 * {@link ToxiproxyClient} with the {@link ProxyApiToken} read when it is made, and the local
 * backend's words for its failures (no answer: start the sandbox or {@code faultline proxy}; a 401:
 * the token to set or check). Proxies are changed with {@code POST}, which every Toxiproxy 2 takes.
 */
final class ProxyApiClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ToxiproxyClient client;
    private final ProxyApiToken token;

    private ProxyApiClient(ToxiproxyClient client, ProxyApiToken token) {
        this.client = client;
        this.token = token;
    }

    /** A client of the API at {@code base}, with the token read now (one line when its reference cannot be read). */
    static ProxyApiClient open(String base, HttpClient http, ProxyApiToken token) throws BackendException {
        try {
            Secret secret = token.read();
            return new ProxyApiClient(
                    new ToxiproxyClient(
                            base,
                            http,
                            TIMEOUT,
                            secret == null ? null : secret.reveal(),
                            ToxiproxyClient.ProxyUpdate.POST),
                    token);
        } catch (SettingsException e) {
            throw new BackendException(LocalBackendProvider.ID, e.getMessage());
        }
    }

    String base() {
        return client.base();
    }

    /** One call of the Toxiproxy API; an error answer other than a 401 is the caller's to word. */
    interface Call<T> {
        T on(ToxiproxyClient api) throws ToxiproxyException;
    }

    <T> T call(Call<T> call) throws BackendException, ErrorAnswer {
        try {
            return call.on(client);
        } catch (ToxiproxyException e) {
            switch (e) {
                case ErrorAnswer a
                when a.status() == 401 -> throw new BackendException(LocalBackendProvider.ID, token.refusal(base()));
                case ErrorAnswer a -> throw a;
                case NoAnswer n -> throw noAnswer(n);
            }
        }
    }

    /** A call of Faultline's own part of the API ({@code /faultline/http}), whatever the status but a 401. */
    ToxiproxyClient.Answer get(String path) throws BackendException {
        return raw("GET", path, null);
    }

    ToxiproxyClient.Answer post(String path, String body) throws BackendException {
        return raw("POST", path, body);
    }

    ToxiproxyClient.Answer delete(String path) throws BackendException {
        return raw("DELETE", path, null);
    }

    private ToxiproxyClient.Answer raw(String method, String path, @Nullable String body) throws BackendException {
        try {
            ToxiproxyClient.Answer a = client.call(method, path, body);
            if (a.status() == 401) {
                throw new BackendException(LocalBackendProvider.ID, token.refusal(base()));
            }
            return a;
        } catch (NoAnswer e) {
            throw noAnswer(e);
        }
    }

    private BackendException noAnswer(NoAnswer e) {
        return new BackendException(
                LocalBackendProvider.ID,
                e.reason() == NoAnswer.Reason.INTERRUPTED
                        ? "interrupted while calling " + base() + e.path()
                        : "no chaos proxy answers at " + base() + " (" + e.causeName()
                                + "); start the sandbox or `faultline proxy`");
    }

    static String seg(String s) {
        return ToxiproxyClient.segment(s);
    }

    /** "404 proxy not found". */
    static String error(ToxiproxyClient.Answer a) {
        return a.status() + " " + a.body().path("error").asString("");
    }

    static String error(ErrorAnswer e) {
        return e.status() + " " + e.error();
    }
}
