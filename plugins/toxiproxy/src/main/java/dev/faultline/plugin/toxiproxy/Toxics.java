package dev.faultline.plugin.toxiproxy;

import dev.faultline.engine.model.DependencyFault;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.FileSystemFault;
import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.JvmFault;
import dev.faultline.engine.model.NetworkFault;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.ProcessFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.StressFault;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Faultline's network faults as Toxiproxy toxics: type and attributes, as the API names them. */
final class Toxics {
    /** Every toxic Faultline adds is named with this prefix, so that what a crash left is found by name. */
    static final String PREFIX = "faultline-";

    private Toxics() {
    }

    /** {@code faultline-<run>-<step>}, in the characters Toxiproxy names and URLs take without escaping. */
    static String name(String runId, String step) {
        return (PREFIX + runId + "-" + step).replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    static boolean isOurs(String toxicName) {
        return toxicName.startsWith(PREFIX);
    }

    /** The toxic's type, or empty for a fault that is not a toxic ({@code down} disables the proxy). */
    static Optional<String> type(Fault f) {
        return switch (f) {
            case ProxyFault.Latency _ -> Optional.of("latency");
            case ProxyFault.Bandwidth _ -> Optional.of("bandwidth");
            case ProxyFault.SlowClose _ -> Optional.of("slow_close");
            case ProxyFault.ConnectionTimeout _ -> Optional.of("timeout");
            case ProxyFault.ResetPeer _ -> Optional.of("reset_peer");
            case ProxyFault.Slicer _ -> Optional.of("slicer");
            case ProxyFault.LimitData _ -> Optional.of("limit_data");
            case ProxyFault.Down _, HttpFault _, StressFault _, ProcessFault _, NetworkFault _, PodFault _,
                    FileSystemFault _, JvmFault _, DependencyFault _ -> Optional.empty();
        };
    }

    /** The body of {@code POST /proxies/{proxy}/toxics} for the fault. */
    static ObjectNode body(JsonMapper json, Fault f, String name, String stream, double toxicity) {
        ObjectNode n = json.createObjectNode();
        n.put("name", name);
        n.put("type", type(f).orElseThrow(() -> new IllegalArgumentException(f.type() + " is not a toxic")));
        n.put("stream", stream);
        n.put("toxicity", toxicity);
        ObjectNode a = n.putObject("attributes");
        if (f instanceof ProxyFault.Latency l) {
            a.put("latency", l.latency().toMillis());
            a.put("jitter", l.jitter().toMillis());
        } else if (f instanceof ProxyFault.Bandwidth b) {
            a.put("rate", b.kilobytesPerSecond());
        } else if (f instanceof ProxyFault.SlowClose c) {
            a.put("delay", c.delay().toMillis());
        } else if (f instanceof ProxyFault.ConnectionTimeout t) {
            a.put("timeout", t.after().toMillis());
        } else if (f instanceof ProxyFault.ResetPeer p) {
            a.put("timeout", p.after().toMillis());
        } else if (f instanceof ProxyFault.Slicer s) {
            a.put("average_size", s.averageBytes());
            a.put("size_variation", s.variationBytes());
            a.put("delay", s.delay().toNanos() / 1000); // microseconds, as the slicer takes them
        } else if (f instanceof ProxyFault.LimitData d) {
            a.put("bytes", d.bytes());
        }
        return n;
    }
}
