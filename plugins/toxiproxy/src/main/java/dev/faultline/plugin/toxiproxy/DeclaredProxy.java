package dev.faultline.plugin.toxiproxy;

import java.util.Objects;

/**
 * A proxy the environment says the Toxiproxy server should have: {@code proxies.NAME.listen}
 * ({@code host:0} lets the server pick the port), {@code .upstream} and {@code .enabled}.
 */
record DeclaredProxy(String name, String listen, String upstream, boolean enabled) {
    DeclaredProxy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(upstream, "upstream");
    }

    /** Whether a proxy on the server listens and forwards as declared (any port when the declared one is 0). */
    boolean matches(String listenThere, String upstreamThere) {
        boolean anyPort = listen.endsWith(":0");
        boolean listenSame =
                anyPort ? listenThere.startsWith(listen.substring(0, listen.length() - 1)) : listenThere.equals(listen);
        return listenSame && upstreamThere.equals(upstream);
    }
}
