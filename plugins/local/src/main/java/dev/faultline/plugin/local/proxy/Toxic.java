package dev.faultline.plugin.local.proxy;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A toxic on a proxy, as Toxiproxy defines it: a type with integer attributes, acting on one
 * stream (upstream = client to server, downstream = server to client), for a share of connections.
 */
record Toxic(String name, String type, Stream stream, double toxicity, Map<String, Long> attributes) {

    enum Stream {
        UPSTREAM, DOWNSTREAM;

        String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The types this proxy implements, with their attribute names. */
    static final Map<String, Set<String>> TYPES = Map.of(
            "latency", Set.of("latency", "jitter"),
            "timeout", Set.of("timeout"),
            "reset_peer", Set.of("timeout"),
            "bandwidth", Set.of("rate"),
            "slow_close", Set.of("delay"),
            "slicer", Set.of("average_size", "size_variation", "delay"),
            "limit_data", Set.of("bytes"),
            "noop", Set.of());

    Toxic {
        attributes = Map.copyOf(new TreeMap<>(attributes));
    }

    long attribute(String key) {
        return attributes.getOrDefault(key, 0L);
    }

    /** Checks a toxic before it is added, with Toxiproxy's messages where it has them. */
    static void validate(String type, double toxicity, Map<String, Long> attributes) throws ApiError {
        Set<String> known = TYPES.get(type);
        if (known == null) {
            throw new ApiError(400, "invalid toxic type");
        }
        if (toxicity < 0 || toxicity > 1) {
            throw ApiError.badBody("toxicity must be between 0 and 1");
        }
        for (Map.Entry<String, Long> a : attributes.entrySet()) {
            if (a.getValue() < 0) {
                throw ApiError.badBody("attribute " + a.getKey() + " cannot be negative");
            }
        }
    }

    Toxic withChanges(double newToxicity, Map<String, Long> newAttributes) {
        Map<String, Long> merged = new TreeMap<>(attributes);
        merged.putAll(newAttributes);
        return new Toxic(name, type, stream, newToxicity, merged);
    }
}
