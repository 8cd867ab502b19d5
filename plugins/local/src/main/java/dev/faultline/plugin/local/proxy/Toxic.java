package dev.faultline.plugin.local.proxy;

import dev.faultline.plugin.toxiproxy.protocol.Stream;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A toxic on a proxy, as Toxiproxy defines it: a type with integer attributes, acting on one
 * stream (upstream = client to server, downstream = server to client), for a share of connections.
 */
record Toxic(String name, String type, Stream stream, double toxicity, Map<String, Long> attributes) {

    /** The types this proxy implements, with the range of each of their attributes. */
    static final Map<String, List<AttributeRange>> TYPES = Map.of(
            "latency",
                    List.of(
                            AttributeRange.millis("latency", AttributeRange.HOUR_MS, "1 h"),
                            AttributeRange.millis("jitter", AttributeRange.HOUR_MS, "1 h")),
            "timeout", List.of(AttributeRange.millis("timeout", 24 * AttributeRange.HOUR_MS, "24 h")),
            "reset_peer", List.of(AttributeRange.millis("timeout", 24 * AttributeRange.HOUR_MS, "24 h")),
            "bandwidth", List.of(new AttributeRange("rate", "KB/s", 10_000_000, "10 GB/s")),
            "slow_close", List.of(AttributeRange.millis("delay", AttributeRange.HOUR_MS, "1 h")),
            "slicer",
                    List.of(
                            new AttributeRange("average_size", "bytes", 1_000_000_000, "1 GB"),
                            new AttributeRange("size_variation", "bytes", 1_000_000_000, "1 GB"),
                            new AttributeRange("delay", "µs", 1000 * AttributeRange.HOUR_MS, "1 h")),
            "limit_data", List.of(new AttributeRange("bytes", "bytes", 1_000_000_000_000L, "1 TB")),
            "noop", List.of());

    Toxic {
        attributes = Map.copyOf(new TreeMap<>(attributes));
    }

    long attribute(String key) {
        return attributes.getOrDefault(key, 0L);
    }

    /**
     * Checks a toxic before it is added or changed, with Toxiproxy's messages where it has them:
     * the type, the toxicity, and each known attribute against its range (unknown ones are ignored,
     * as Toxiproxy does).
     */
    static Map<String, Long> validate(String type, double toxicity, Map<String, BigInteger> attributes)
            throws ApiError {
        List<AttributeRange> ranges = TYPES.get(type);
        if (ranges == null) {
            throw new ApiError(400, "invalid toxic type");
        }
        if (!(toxicity >= 0 && toxicity <= 1)) {
            throw ApiError.badBody("toxicity must be between 0 and 1");
        }
        for (AttributeRange r : ranges) {
            BigInteger v = attributes.get(r.name());
            if (v != null) {
                r.check(type, v);
            }
        }
        Map<String, Long> out = new TreeMap<>();
        for (Map.Entry<String, BigInteger> a : attributes.entrySet()) {
            if (a.getValue().signum() < 0) {
                throw ApiError.badBody("attribute " + a.getKey() + " cannot be negative");
            }
            if (a.getValue().bitLength() > 63) {
                throw ApiError.badBody(
                        "attribute " + a.getKey() + " is " + a.getValue() + "; at most " + Long.MAX_VALUE);
            }
            out.put(a.getKey(), a.getValue().longValueExact());
        }
        return out;
    }

    /** As the API carries it. */
    dev.faultline.plugin.toxiproxy.protocol.Toxic wire() {
        return new dev.faultline.plugin.toxiproxy.protocol.Toxic(
                name, type, stream, toxicity, new TreeMap<>(attributes));
    }

    Toxic withChanges(double newToxicity, Map<String, Long> newAttributes) {
        Map<String, Long> merged = new TreeMap<>(attributes);
        merged.putAll(newAttributes);
        return new Toxic(name, type, stream, newToxicity, merged);
    }
}
