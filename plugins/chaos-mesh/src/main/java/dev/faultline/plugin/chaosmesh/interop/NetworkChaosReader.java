package dev.faultline.plugin.chaosmesh.interop;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.NetworkFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.plugin.kube.interop.ManifestNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A NetworkChaos spec as Faultline faults: a partition, or the latency, loss and the rest of a {@code netem}. */
final class NetworkChaosReader extends ChaosKindReader {
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)");

    NetworkChaosReader(String source, List<ConversionNote> notes) {
        super(source, notes);
    }

    List<Fault> network(ManifestNode spec, Target target) throws ImportException {
        ManifestNode actionNode = spec.require("action");
        String action = actionNode.text();
        List<Fault> out = new ArrayList<>();
        if (action.equals("partition")) {
            String peers = "";
            Optional<ManifestNode> peer = spec.get("target");
            if (peer.isPresent()) {
                ManifestNode sel = peer.get().get("selector").orElse(peer.get());
                peers = ChaosSelectors.pairs(sel.textMap("labelSelectors"));
                for (String key : sel.keys()) {
                    if (!key.equals("labelSelectors") && !(key.equals("namespaces") && sameNamespace(sel, target))) {
                        note(sel, key, "left out: a partition's peers are selected by labels only");
                    }
                }
                if (!peer.get().text("mode", "all").equals("all")) {
                    note(peer.get(), "mode", "the partition cuts the traffic to all peers the labels select");
                }
            }
            out.add(new NetworkFault.Partition(spec.text("direction", "to"), peers, spec.texts("externalTargets")));
            return out;
        }
        if (!spec.text("direction", "to").equals("to") || spec.has("target") || spec.has("externalTargets")) {
            notes.add(new ConversionNote(
                    source + " " + spec.field() + ".direction",
                    "Faultline's " + action + " fault acts on all the pods' traffic: the direction, target and"
                            + " externalTargets of the source are not carried over"));
        }
        boolean netem = action.equals("netem");
        if (action.equals("delay") || (netem && spec.has("delay"))) {
            ManifestNode d = spec.require("delay");
            if (d.has("reorder")) {
                note(d, "reorder", "left out: Faultline's latency does not reorder packets");
            }
            out.add(new ProxyFault.Latency(
                    nonNegative(d.require("latency")),
                    d.has("jitter") ? nonNegative(d.require("jitter")) : Duration.ZERO,
                    percent(d, "correlation")));
        }
        if (action.equals("loss") || (netem && spec.has("loss"))) {
            ManifestNode l = spec.require("loss");
            out.add(new NetworkFault.PacketLoss(percent(l, "loss"), percent(l, "correlation")));
        }
        if (action.equals("duplicate") || (netem && spec.has("duplicate"))) {
            ManifestNode l = spec.require("duplicate");
            out.add(new NetworkFault.PacketDuplicate(percent(l, "duplicate"), percent(l, "correlation")));
        }
        if (action.equals("corrupt") || (netem && spec.has("corrupt"))) {
            ManifestNode l = spec.require("corrupt");
            out.add(new NetworkFault.PacketCorrupt(percent(l, "corrupt"), percent(l, "correlation")));
        }
        if (action.equals("bandwidth") || (netem && spec.has("bandwidth"))) {
            ManifestNode b = spec.require("bandwidth");
            for (String key : b.keys()) {
                if (!key.equals("rate")) {
                    note(
                            b,
                            key,
                            "left out: Faultline's bandwidth fault sets the rate only (its Chaos Mesh"
                                    + " backend chooses the queue)");
                }
            }
            out.add(new ProxyFault.Bandwidth(kilobytesPerSecond(b.require("rate"))));
        }
        if (out.isEmpty()) {
            throw actionNode.problem("NetworkChaos action '" + action + "' has none of its settings");
        }
        return out;
    }

    private static boolean sameNamespace(ManifestNode sel, Target target) throws ImportException {
        List<String> ns = sel.texts("namespaces");
        return ns.size() == 1
                && ns.getFirst().equals(target.selector().get("namespace").orElse(""));
    }

    /** {@code 1mbps} as KB/s: tc's units, in which {@code kbps} is kilobytes and {@code kbit} kilobits. */
    private static long kilobytesPerSecond(ManifestNode n) throws ImportException {
        Matcher m = RATE.matcher(n.text().strip());
        if (!m.matches()) {
            throw n.problem("'" + n.text() + "' is not a rate, e.g. 1mbps");
        }
        BigDecimal v = new BigDecimal(m.group(1));
        BigDecimal bytes = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "bit" -> v.divide(BigDecimal.valueOf(8));
            case "bps" -> v;
            case "kbit" -> v.multiply(BigDecimal.valueOf(125));
            case "kbps" -> v.multiply(BigDecimal.valueOf(1_000));
            case "mbit" -> v.multiply(BigDecimal.valueOf(125_000));
            case "mbps" -> v.multiply(BigDecimal.valueOf(1_000_000));
            case "gbit" -> v.multiply(BigDecimal.valueOf(125_000_000));
            case "gbps" -> v.multiply(BigDecimal.valueOf(1_000_000_000));
            default ->
                throw n.problem(
                        "'" + m.group(2) + "' is not a rate unit (bps, kbps, mbps, gbps, kbit," + " mbit, gbit)");
        };
        long kb = bytes.divide(BigDecimal.valueOf(1000), java.math.RoundingMode.HALF_UP)
                .longValue();
        return Math.max(1, kb);
    }
}
