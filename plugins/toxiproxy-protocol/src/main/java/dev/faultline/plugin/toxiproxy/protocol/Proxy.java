package dev.faultline.plugin.toxiproxy.protocol;

import java.util.List;
import java.util.Objects;

/**
 * A proxy as the Toxiproxy API carries it: its name, the address it listens on and the one it
 * forwards to ({@code host:port}), whether it is enabled, and its toxics.
 */
public record Proxy(String name, String listen, String upstream, boolean enabled, List<Toxic> toxics) {
    public Proxy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(upstream, "upstream");
        toxics = List.copyOf(toxics);
    }
}
