package dev.faultline.plugin.toxiproxy;

import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.Secret;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyClient;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyException;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyException.ErrorAnswer;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyException.NoAnswer;
import java.net.http.HttpClient;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One Toxiproxy server for the backend: the shared {@link ToxiproxyClient} (proxies changed with
 * {@code PATCH}, as Toxiproxy prefers) and the backend's words for a server that does not answer;
 * error answers are left to the caller, which words them with {@link #error}.
 */
final class ToxiproxyApi {
    private final ToxiproxyClient client;

    ToxiproxyApi(String base, HttpClient http, Duration timeout, @Nullable Secret token) {
        this.client = new ToxiproxyClient(
                base, http, timeout, token == null ? null : token.reveal(), ToxiproxyClient.ProxyUpdate.PATCH);
    }

    String base() {
        return client.base();
    }

    /** One call of the API. */
    interface Call<T> {
        T on(ToxiproxyClient api) throws ToxiproxyException;
    }

    /** A call without a result. */
    interface Action {
        void on(ToxiproxyClient api) throws ToxiproxyException;
    }

    <T> T call(Call<T> call) throws BackendException, ErrorAnswer {
        try {
            return call.on(client);
        } catch (ToxiproxyException e) {
            switch (e) {
                case ErrorAnswer a -> throw a;
                case NoAnswer n ->
                    throw new BackendException(
                            ToxiproxyBackendProvider.ID,
                            switch (n.reason()) {
                                case TIMED_OUT ->
                                    "the Toxiproxy server at " + base() + " did not answer " + n.method() + " "
                                            + n.path() + " in time";
                                case INTERRUPTED -> "interrupted while calling the Toxiproxy server at " + base();
                                case REFUSED, FAILED ->
                                    "no Toxiproxy server answers at " + base() + " (" + n.causeName()
                                            + (n.causeMessage().isEmpty() ? "" : ": " + n.causeMessage()) + ")";
                            });
            }
        }
    }

    void run(Action action) throws BackendException, ErrorAnswer {
        call(c -> {
            action.on(c);
            return null;
        });
    }

    /** "404 proxy not found", "503 (the server timed out)". */
    static String error(ErrorAnswer e) {
        return e.status() + " "
                + (e.error().isEmpty() ? e.status() == 503 ? "(the server timed out)" : "(no message)" : e.error());
    }
}
