package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.model.ProxyFault;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Proxy faults as Toxiproxy toxics, in the units Toxiproxy's API and {@code chaostoxi} use. */
final class Toxics {
    private Toxics() {}

    static String type(ProxyFault f) {
        return switch (f) {
            case ProxyFault.Latency l -> "latency";
            case ProxyFault.Down d -> "down";
            case ProxyFault.Bandwidth b -> "bandwidth";
            case ProxyFault.SlowClose s -> "slow_close";
            case ProxyFault.ConnectionTimeout t -> "timeout";
            case ProxyFault.ResetPeer r -> "reset_peer";
            case ProxyFault.Slicer s -> "slicer";
            case ProxyFault.LimitData l -> "limit_data";
        };
    }

    static ObjectNode attributes(ProxyFault f) {
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        switch (f) {
            case ProxyFault.Latency l ->
                a.put("latency", l.latency().toMillis())
                        .put("jitter", l.jitter().toMillis());
            case ProxyFault.Down d -> {}
            case ProxyFault.Bandwidth b -> a.put("rate", b.kilobytesPerSecond());
            case ProxyFault.SlowClose s -> a.put("delay", s.delay().toMillis());
            case ProxyFault.ConnectionTimeout t -> a.put("timeout", t.after().toMillis());
            case ProxyFault.ResetPeer r -> a.put("timeout", r.after().toMillis());
            case ProxyFault.Slicer s ->
                a.put("average_size", s.averageBytes())
                        .put("size_variation", s.variationBytes())
                        .put("delay", s.delay().toNanos() / 1000);
            case ProxyFault.LimitData l -> a.put("bytes", l.bytes());
        }
        return a;
    }
}
