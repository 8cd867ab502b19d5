package dev.faultline.plugin.local.proxy;

import java.util.Objects;

/** A proxy to create: as in a Toxiproxy config file or {@code /populate} body. */
public record ProxyConfig(String name, String listen, String upstream, boolean enabled) {
    public ProxyConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(upstream, "upstream");
    }
}
