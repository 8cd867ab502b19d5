package dev.faultline.engine.runbook;

import static dev.faultline.engine.runbook.FaultWriter.percent;

import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Fault;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The runbook form of the Kubernetes fault kinds, as {@link ClusterFaultReader} reads them. */
final class ClusterFaultWriter {
    private ClusterFaultWriter() {
    }

    static void write(ObjectNode n, Fault f) {
        if (f instanceof Fault.PacketLoss l) {
            packets(n, l.probability(), l.correlation());
        } else if (f instanceof Fault.PacketDuplicate d) {
            packets(n, d.probability(), d.correlation());
        } else if (f instanceof Fault.PacketCorrupt c) {
            packets(n, c.probability(), c.correlation());
        } else if (f instanceof Fault.Partition p) {
            n.put("direction", p.direction());
            if (!p.peerLabels().isEmpty()) {
                ObjectNode peers = n.putObject("peerLabels");
                for (String pair : p.peerLabels().split(",")) {
                    int eq = pair.indexOf('=');
                    peers.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            list(n, "externalTargets", p.externalTargets());
        } else if (f instanceof Fault.PodKill k && !k.gracePeriod().isZero()) {
            n.put("gracePeriod", Durations.format(k.gracePeriod()));
        } else if (f instanceof Fault.ContainerKill k) {
            list(n, "containers", k.containers());
        } else if (f instanceof Fault.TimeShift t) {
            n.put("offset", t.offset().isNegative() ? "-" + Durations.format(t.offset().negated())
                    : Durations.format(t.offset()));
        } else if (f instanceof Fault.DnsFault d) {
            n.put("action", d.action());
            list(n, "patterns", d.patterns());
        } else if (f instanceof Fault.IoLatency l) {
            n.put("delay", Durations.format(l.delay()));
            io(n, l.volumePath(), l.path(), l.probability());
        } else if (f instanceof Fault.IoFault e) {
            n.put("errno", e.errno());
            io(n, e.volumePath(), e.path(), e.probability());
        }
        // PodFailure, NodeDrain (and PodKill without a grace period) have no attributes.
    }

    private static void packets(ObjectNode n, double probability, double correlation) {
        n.put("probability", percent(probability));
        if (correlation != 0) {
            n.put("correlation", percent(correlation));
        }
    }

    private static void io(ObjectNode n, String volumePath, String path, double probability) {
        n.put("volumePath", volumePath);
        if (!path.isEmpty()) {
            n.put("path", path);
        }
        if (probability != 1) {
            n.put("probability", percent(probability));
        }
    }

    private static void list(ObjectNode n, String key, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = n.putArray(key);
            values.forEach(a::add);
        }
    }
}
