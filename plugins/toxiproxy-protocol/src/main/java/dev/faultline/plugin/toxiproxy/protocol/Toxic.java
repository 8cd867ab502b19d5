package dev.faultline.plugin.toxiproxy.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.SequencedMap;

/**
 * A toxic as the Toxiproxy API carries it: a name, a type ({@code latency}, {@code bandwidth},
 * {@code slow_close}, {@code timeout}, {@code reset_peer}, {@code slicer}, {@code limit_data},
 * {@code noop}), the stream it acts on, the share of connections it applies to (0 to 1) and its
 * integer attributes, in the order given.
 */
public record Toxic(String name, String type, Stream stream, double toxicity, SequencedMap<String, Long> attributes) {
    public Toxic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stream, "stream");
        attributes = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(attributes));
    }

    /** The attribute, or 0 when absent (as Toxiproxy reads a missing attribute). */
    public long attribute(String key) {
        return attributes.getOrDefault(key, 0L);
    }
}
