package dev.faultline.engine.model;

import dev.faultline.engine.model.FaultAttribute.Shape;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/** Network faults in a cluster (Chaos Mesh, LitmusChaos): packets lost, duplicated, corrupted; partitions; DNS. */
public sealed interface NetworkFault extends Fault
        permits NetworkFault.PacketLoss,
                NetworkFault.PacketDuplicate,
                NetworkFault.PacketCorrupt,
                NetworkFault.Partition,
                NetworkFault.DnsFault {
    FaultKind<PacketLoss> PACKET_LOSS = FaultKind.of(
            "packet-loss",
            PacketLoss.class,
            in -> packets(in, PacketLoss::new),
            new PacketLoss(0.1, 0.25),
            packetAttributes());
    FaultKind<PacketDuplicate> PACKET_DUPLICATE = FaultKind.of(
            "packet-duplicate",
            PacketDuplicate.class,
            in -> packets(in, PacketDuplicate::new),
            new PacketDuplicate(0.1, 0),
            packetAttributes());
    FaultKind<PacketCorrupt> PACKET_CORRUPT = FaultKind.of(
            "packet-corrupt",
            PacketCorrupt.class,
            in -> packets(in, PacketCorrupt::new),
            new PacketCorrupt(0.1, 0),
            packetAttributes());
    FaultKind<Partition> PARTITION = FaultKind.of(
            "partition",
            Partition.class,
            in -> in.build(
                    "",
                    () -> new Partition(
                            in.text("direction", "both"),
                            selector(in.textMap("peerLabels")),
                            in.texts("externalTargets"))),
            new Partition("to", "app=db,tier=data", List.of("10.0.0.0/8")),
            FaultAttribute.choice("direction", "to", "from", "both"),
            FaultAttribute.of("peerLabels", Shape.TEXT_MAP),
            FaultAttribute.of("externalTargets", Shape.TEXT_LIST));
    FaultKind<DnsFault> DNS = FaultKind.of(
            "dns",
            DnsFault.class,
            in -> in.build("", () -> new DnsFault(in.text("action", "error"), in.texts("patterns"))),
            new DnsFault("error", List.of("*.shop.example")),
            FaultAttribute.choice("action", "error", "random"),
            FaultAttribute.of("patterns", Shape.TEXT_LIST));
    /** This family's kinds. */
    List<FaultKind<?>> KINDS = List.of(PACKET_LOSS, PACKET_DUPLICATE, PACKET_CORRUPT, PARTITION, DNS);

    private static <F extends NetworkFault> @Nullable F packets(FaultFields in, BiFunction<Double, Double, F> make) {
        Double p = in.share("probability", null);
        Double c = in.share("correlation", 0.0);
        return p == null || c == null ? null : in.build("", () -> make.apply(p, c));
    }

    private static FaultAttribute[] packetAttributes() {
        return new FaultAttribute[] {
            FaultAttribute.of("probability", Shape.SHARE), FaultAttribute.of("correlation", Shape.SHARE)
        };
    }

    /** A label selector as text, {@code app=db,tier=data}, sorted by label. */
    private static String selector(Map<String, String> labels) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(labels)
                .forEach((k, v) ->
                        b.append(b.isEmpty() ? "" : ",").append(k).append('=').append(v));
        return b.toString();
    }

    // Kubernetes faults (Chaos Mesh, LitmusChaos).

    /** Packets dropped with {@code probability} (0..1); {@code correlation} ties each to the previous one. */
    record PacketLoss(double probability, double correlation) implements NetworkFault {
        public PacketLoss {
            FaultChecks.requireProbability(probability);
            FaultChecks.requireShare(correlation, "correlation");
        }

        @Override
        public FaultKind<PacketLoss> kind() {
            return PACKET_LOSS;
        }

        @Override
        public String describe() {
            return Numbers.format(probability * 100) + "% packet loss";
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put("probability", FaultChecks.percent(probability));
            if (correlation != 0) {
                out.put("correlation", FaultChecks.percent(correlation));
            }
        }
    }

    /** Packets sent twice with {@code probability} (0..1). */
    record PacketDuplicate(double probability, double correlation) implements NetworkFault {
        public PacketDuplicate {
            FaultChecks.requireProbability(probability);
            FaultChecks.requireShare(correlation, "correlation");
        }

        @Override
        public FaultKind<PacketDuplicate> kind() {
            return PACKET_DUPLICATE;
        }

        @Override
        public String describe() {
            return Numbers.format(probability * 100) + "% packets duplicated";
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put("probability", FaultChecks.percent(probability));
            if (correlation != 0) {
                out.put("correlation", FaultChecks.percent(correlation));
            }
        }
    }

    /** Packets corrupted with {@code probability} (0..1). */
    record PacketCorrupt(double probability, double correlation) implements NetworkFault {
        public PacketCorrupt {
            FaultChecks.requireProbability(probability);
            FaultChecks.requireShare(correlation, "correlation");
        }

        @Override
        public FaultKind<PacketCorrupt> kind() {
            return PACKET_CORRUPT;
        }

        @Override
        public String describe() {
            return Numbers.format(probability * 100) + "% packets corrupted";
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put("probability", FaultChecks.percent(probability));
            if (correlation != 0) {
                out.put("correlation", FaultChecks.percent(correlation));
            }
        }
    }

    /**
     * The targets cannot talk to the peers selected by {@code peerLabels} (a label selector,
     * {@code app=db,tier=data}) nor to {@code externalTargets} (hosts or CIDRs), in {@code direction}
     * {@code to}, {@code from} or {@code both}. With neither, all their traffic is cut.
     */
    record Partition(String direction, String peerLabels, List<String> externalTargets) implements NetworkFault {
        public Partition {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(peerLabels, "peerLabels");
            externalTargets = List.copyOf(externalTargets);
            if (!List.of("to", "from", "both").contains(direction)) {
                throw new IllegalArgumentException("direction must be to, from or both, not " + direction);
            }
        }

        @Override
        public FaultKind<Partition> kind() {
            return PARTITION;
        }

        @Override
        public String describe() {
            String peers = !peerLabels.isEmpty()
                    ? "pods " + peerLabels
                    : externalTargets.isEmpty() ? "everything" : String.join(", ", externalTargets);
            return "network partition (" + direction + ") from " + peers;
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put("direction", direction);
            Map<String, String> peers = new TreeMap<>();
            for (String pair : peerLabels.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    peers.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            out.putMap("peerLabels", peers);
            out.putList("externalTargets", externalTargets);
        }
    }

    /** DNS lookups of names matching {@code patterns} (all when empty) fail ({@code error}) or get random IPs. */
    record DnsFault(String action, List<String> patterns) implements NetworkFault {
        public DnsFault {
            Objects.requireNonNull(action, "action");
            patterns = List.copyOf(patterns);
            if (!action.equals("error") && !action.equals("random")) {
                throw new IllegalArgumentException("a dns fault's action is error or random, not " + action);
            }
        }

        @Override
        public FaultKind<DnsFault> kind() {
            return DNS;
        }

        @Override
        public String describe() {
            return "DNS " + (action.equals("error") ? "errors" : "random answers")
                    + (patterns.isEmpty() ? "" : " for " + String.join(", ", patterns));
        }

        @Override
        public void writeFields(FaultFieldWriter out) {
            out.put("action", action);
            out.putList("patterns", patterns);
        }
    }
}
