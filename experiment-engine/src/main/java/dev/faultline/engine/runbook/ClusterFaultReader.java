package dev.faultline.engine.runbook;

import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Limits;
import dev.faultline.engine.model.OutOfRangeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads the Kubernetes fault kinds (Chaos Mesh, LitmusChaos) for {@link MethodReader}. */
final class ClusterFaultReader {
    static final Map<String, Set<String>> ATTRIBUTES = Map.ofEntries(
            Map.entry("packet-loss", Set.of("probability", "correlation")),
            Map.entry("packet-duplicate", Set.of("probability", "correlation")),
            Map.entry("packet-corrupt", Set.of("probability", "correlation")),
            Map.entry("partition", Set.of("direction", "peerLabels", "externalTargets")),
            Map.entry("pod-kill", Set.of("gracePeriod")),
            Map.entry("pod-failure", Set.of()),
            Map.entry("container-kill", Set.of("containers")),
            Map.entry("time-shift", Set.of("offset")),
            Map.entry("dns", Set.of("action", "patterns")),
            Map.entry("io-latency", Set.of("delay", "volumePath", "path", "probability")),
            Map.entry("io-fault", Set.of("errno", "volumePath", "path", "probability")),
            Map.entry("node-drain", Set.of()));

    private final Problems problems;

    ClusterFaultReader(Problems problems) {
        this.problems = problems;
    }

    @Nullable Fault read(String type, JsonNode n, String path) {
        return switch (type) {
            case "packet-loss", "packet-duplicate", "packet-corrupt" -> {
                Double p = share(n, path, "probability", null);
                Double c = share(n, path, "correlation", 0.0);
                yield p == null || c == null ? null : problems.build(path, () -> switch (type) {
                    case "packet-loss" -> new Fault.PacketLoss(p, c);
                    case "packet-duplicate" -> new Fault.PacketDuplicate(p, c);
                    default -> new Fault.PacketCorrupt(p, c);
                });
            }
            case "partition" -> problems.build(path, () -> new Fault.Partition(problems.text(n, "direction", "both"),
                    KubernetesTargets.selector(n.path("peerLabels")), strings(n.path("externalTargets"))));
            case "pod-kill" -> {
                Duration grace = problems.duration(n, path, "gracePeriod", Duration.ZERO, Limits.SPAN_MAX);
                yield grace == null ? null : problems.build(path, () -> new Fault.PodKill(grace));
            }
            case "pod-failure" -> new Fault.PodFailure();
            case "container-kill" -> new Fault.ContainerKill(strings(n.path("containers")));
            case "time-shift" -> timeShift(n, path);
            case "dns" -> problems.build(path, () -> new Fault.DnsFault(problems.text(n, "action", "error"),
                    strings(n.path("patterns"))));
            case "io-latency" -> {
                Duration delay = problems.duration(n, path, "delay", null, Limits.DELAY_MAX);
                Double p = share(n, path, "probability", 1.0);
                yield delay == null || p == null ? null : problems.build(path, () -> new Fault.IoLatency(delay,
                        problems.text(n, "volumePath", ""), problems.text(n, "path", ""), p));
            }
            case "io-fault" -> {
                Double p = share(n, path, "probability", 1.0);
                yield p == null ? null : problems.build(path, () -> new Fault.IoFault(n.path("errno").asInt(5),
                        problems.text(n, "volumePath", ""), problems.text(n, "path", ""), p));
            }
            default -> new Fault.NodeDrain();
        };
    }

    private @Nullable Fault timeShift(JsonNode n, String path) {
        String p = LocatedTree.child(path, "offset");
        if (!n.has("offset")) {
            problems.at(path, "a time-shift fault needs 'offset', e.g. -10m or 1h");
            return null;
        }
        String text = n.get("offset").asString().strip();
        boolean back = text.startsWith("-");
        try {
            Duration d = Durations.parse(back || text.startsWith("+") ? text.substring(1) : text, "offset",
                    Limits.OFFSET_MAX);
            Duration offset = back ? d.negated() : d;
            return problems.build(p, () -> new Fault.TimeShift(offset));
        } catch (OutOfRangeException e) {
            problems.at(p, "offset " + text + " is out of range: at most " + Durations.format(Limits.OFFSET_MAX)
                    + " either way");
            return null;
        } catch (IllegalArgumentException e) {
            problems.at(p, "'" + text + "' is not an offset, e.g. -10m or 1h");
            return null;
        }
    }

    private @Nullable Double share(JsonNode n, String path, String key, @Nullable Double fallback) {
        if (!n.has(key)) {
            if (fallback == null) {
                problems.at(path, "a " + n.path("type").asString() + " fault needs '" + key + "', e.g. 10%");
            }
            return fallback;
        }
        try {
            return Shares.parse(n.get(key));
        } catch (IllegalArgumentException e) {
            problems.at(LocatedTree.child(path, key), e.getMessage());
            return null;
        }
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(v -> out.add(v.asString()));
        } else if (n.isValueNode() && !n.isNull() && !n.isMissingNode()) {
            out.add(n.asString());
        }
        return out;
    }
}
