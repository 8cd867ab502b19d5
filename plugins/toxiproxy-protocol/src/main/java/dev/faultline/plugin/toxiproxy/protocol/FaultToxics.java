package dev.faultline.plugin.toxiproxy.protocol;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.ProxyFault;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * Faultline's proxy faults as Toxiproxy toxics: the type and the attributes, as the API names them.
 * The one mapping for the local chaos proxy and the Toxiproxy backend; a new proxy fault kind does
 * not compile until it is mapped here.
 */
public final class FaultToxics {
    private FaultToxics() {}

    /** The toxic's type, or empty for a fault that is not a toxic ({@code down} disables the proxy). */
    public static Optional<String> type(Fault f) {
        return of(f, "", Stream.DOWNSTREAM, 1.0).map(Toxic::type);
    }

    /** The toxic that makes the fault, or empty for a fault that is not a toxic. */
    public static Optional<Toxic> of(Fault f, String name, Stream stream, double toxicity) {
        if (!(f instanceof ProxyFault proxyFault)) {
            return Optional.empty();
        }
        SequencedMap<String, Long> a = new LinkedHashMap<>();
        String type = switch (proxyFault) {
            case ProxyFault.Latency l -> {
                a.put("latency", l.latency().toMillis());
                a.put("jitter", l.jitter().toMillis());
                yield "latency";
            }
            case ProxyFault.Bandwidth b -> {
                a.put("rate", b.kilobytesPerSecond());
                yield "bandwidth";
            }
            case ProxyFault.SlowClose c -> {
                a.put("delay", c.delay().toMillis());
                yield "slow_close";
            }
            case ProxyFault.ConnectionTimeout t -> {
                a.put("timeout", t.after().toMillis());
                yield "timeout";
            }
            case ProxyFault.ResetPeer p -> {
                a.put("timeout", p.after().toMillis());
                yield "reset_peer";
            }
            case ProxyFault.Slicer s -> {
                a.put("average_size", s.averageBytes());
                a.put("size_variation", s.variationBytes());
                a.put("delay", s.delay().toNanos() / 1000); // microseconds, as the slicer takes them
                yield "slicer";
            }
            case ProxyFault.LimitData d -> {
                a.put("bytes", d.bytes());
                yield "limit_data";
            }
            case ProxyFault.Down _ -> "";
        };
        return type.isEmpty() ? Optional.empty() : Optional.of(new Toxic(name, type, stream, toxicity, a));
    }
}
