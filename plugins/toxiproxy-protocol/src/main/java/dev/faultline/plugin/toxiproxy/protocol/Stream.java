package dev.faultline.plugin.toxiproxy.protocol;

import java.util.Locale;
import java.util.Optional;

/** The direction a toxic acts on: {@code upstream} is client to server, {@code downstream} server to client. */
public enum Stream {
    UPSTREAM,
    DOWNSTREAM;

    /** As the API writes it: {@code upstream} or {@code downstream}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As the API reads it, ignoring case; empty for anything else. */
    public static Optional<Stream> parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "upstream" -> Optional.of(UPSTREAM);
            case "downstream" -> Optional.of(DOWNSTREAM);
            default -> Optional.empty();
        };
    }
}
