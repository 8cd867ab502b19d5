package dev.faultline.plugin.toxiproxy;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.Secret;
import dev.faultline.engine.spi.SecretRef;
import dev.faultline.engine.spi.SettingsException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The backend's settings from the environment: {@code url} (default {@value #DEFAULT_URL}),
 * {@code stream} (the direction toxics act on: {@code downstream}, server to client, the default, or
 * {@code upstream}), {@code timeout} per API call (default 3s) and an optional {@code token}
 * reference (sent as a bearer token, for a Toxiproxy behind an authenticating proxy).
 */
record ToxiproxySettings(
        String url,
        String stream,
        Duration timeout,
        @Nullable SecretRef token) {
    static final String DEFAULT_URL = "http://127.0.0.1:8474";

    static ToxiproxySettings from(BackendSettings settings) throws BackendException {
        Params v = settings.values();
        try {
            String stream = v.get("stream").orElse("downstream");
            if (!stream.equals("downstream") && !stream.equals("upstream")) {
                throw new IllegalArgumentException("stream is upstream or downstream, not '" + stream + "'");
            }
            Duration timeout = v.duration("timeout", Duration.ofSeconds(3));
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout is the longest wait for one API call: more than 0, not "
                        + v.get("timeout").orElse(""));
            }
            return new ToxiproxySettings(
                    v.get("url").orElse(DEFAULT_URL),
                    stream,
                    timeout,
                    v.get("token").map(SecretRef::new).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new BackendException(ToxiproxyBackendProvider.ID, "settings: " + e.getMessage());
        }
    }

    @Nullable
    Secret resolveToken() throws BackendException {
        try {
            return token == null ? null : token.resolve();
        } catch (SettingsException e) {
            throw new BackendException(ToxiproxyBackendProvider.ID, e.getMessage());
        }
    }
}
