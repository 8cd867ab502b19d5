package dev.faultline.plugin.toxiproxy;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.Secret;
import dev.faultline.engine.spi.SecretRef;
import dev.faultline.engine.spi.SettingsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The backend's settings from the environment: {@code url} (default {@value #DEFAULT_URL}),
 * {@code stream} (the direction toxics act on: {@code downstream}, server to client, the default, or
 * {@code upstream}), {@code timeout} per API call (default 3s) and an optional {@code token}
 * reference (sent as a bearer token, for a Toxiproxy behind an authenticating proxy); the
 * {@code proxies} the server should have ({@code proxies: redis,payments} and
 * {@code proxies.redis.listen|upstream|enabled}, as {@code faultline import} writes them from a
 * Toxiproxy configuration), made to exist for a run by {@link DeclaredProxies}.
 */
record ToxiproxySettings(
        String url,
        String stream,
        Duration timeout,
        @Nullable SecretRef token,
        List<DeclaredProxy> proxies) {
    ToxiproxySettings {
        proxies = List.copyOf(proxies);
    }

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
                    v.get("token").map(SecretRef::new).orElse(null),
                    declared(v));
        } catch (IllegalArgumentException e) {
            throw new BackendException(ToxiproxyBackendProvider.ID, "settings: " + e.getMessage());
        }
    }

    /** The proxies named by {@code proxies}, each with its {@code upstream}; {@code listen} defaults to a free port. */
    private static List<DeclaredProxy> declared(Params v) {
        String names = v.get("proxies").orElse("").strip();
        if (names.isEmpty()) {
            return List.of();
        }
        List<DeclaredProxy> out = new ArrayList<>();
        for (String raw : names.split(",")) {
            String name = raw.strip();
            if (name.isEmpty() || out.stream().anyMatch(p -> p.name().equals(name))) {
                throw new IllegalArgumentException("proxies lists '" + names
                        + "': name each proxy once, separated by commas (proxies: redis,payments)");
            }
            String key = "proxies." + name + ".";
            String upstream = v.get(key + "upstream").orElse("").strip();
            if (upstream.isEmpty()) {
                throw new IllegalArgumentException(
                        key + "upstream is missing: the address proxy '" + name + "' forwards to (host:port)");
            }
            String enabled = v.get(key + "enabled").orElse("true").strip();
            if (!enabled.equals("true") && !enabled.equals("false")) {
                throw new IllegalArgumentException(key + "enabled is true or false, not '" + enabled + "'");
            }
            out.add(new DeclaredProxy(
                    name,
                    v.get(key + "listen")
                            .map(String::strip)
                            .filter(l -> !l.isEmpty())
                            .orElse("127.0.0.1:0"),
                    upstream,
                    enabled.equals("true")));
        }
        return out;
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
