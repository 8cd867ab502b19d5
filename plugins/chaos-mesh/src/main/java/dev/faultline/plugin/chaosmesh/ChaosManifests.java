package dev.faultline.plugin.chaosmesh;

import dev.faultline.engine.model.DependencyFault;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.FileSystemFault;
import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.JvmFault;
import dev.faultline.engine.model.NetworkFault;
import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.ProcessFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.StressFault;
import dev.faultline.plugin.kube.PodTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fault as a Chaos Mesh resource's kind and {@code spec}, the fields named as in the upstream CRDs. */
final class ChaosManifests {
    /** Bandwidth's queue settings, as in Chaos Mesh's own example. */
    private static final int BANDWIDTH_LIMIT = 20_971_520;

    private static final int BANDWIDTH_BUFFER = 10_000;

    private ChaosManifests() {}

    record Manifest(ChaosKind kind, Map<String, Object> spec) {}

    /** @throws IllegalArgumentException when the fault cannot be made by Chaos Mesh, saying why */
    static Manifest of(Fault fault, PodTarget t, ChaosMode mode, Duration duration) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("selector", selector(t.namespace(), t.labels(), t.fields(), t.podNames()));
        spec.put("mode", mode.mode());
        if (!mode.value().isEmpty()) {
            spec.put("value", mode.value());
        }
        ChaosKind kind = fill(fault, t, spec);
        // A dead man's switch: Chaos Mesh ends the fault itself if Faultline is gone.
        spec.put("duration", goDuration(duration.plusSeconds(30)));
        return new Manifest(kind, spec);
    }

    /**
     * Whether this backend makes the fault: its provider's supported faults. Every kind is named,
     * without {@code default}, so a new kind breaks the build here until it is mapped (true) or
     * refused (false), next to the mapping itself.
     */
    static boolean supports(Fault f) {
        return switch (f) {
            case ProxyFault.Latency _,
                    ProxyFault.Down _,
                    ProxyFault.Bandwidth _,
                    HttpFault _,
                    StressFault.CpuStress _,
                    StressFault.MemoryStress _,
                    NetworkFault.PacketLoss _,
                    NetworkFault.PacketDuplicate _,
                    NetworkFault.PacketCorrupt _,
                    NetworkFault.Partition _,
                    NetworkFault.DnsFault _,
                    PodFault.PodKill _,
                    PodFault.PodFailure _,
                    PodFault.ContainerKill _,
                    PodFault.TimeShift _,
                    FileSystemFault.IoLatency _,
                    FileSystemFault.IoFault _,
                    JvmFault.JvmException _,
                    JvmFault.JvmLatency _,
                    JvmFault.JvmReturn _ -> true;
            case ProxyFault.SlowClose _,
                    ProxyFault.ConnectionTimeout _,
                    ProxyFault.ResetPeer _,
                    ProxyFault.Slicer _,
                    ProxyFault.LimitData _,
                    StressFault.DiskStress _,
                    ProcessFault.ProcessPause _,
                    ProcessFault.ProcessKill _,
                    ProcessFault.ProcessRestart _,
                    PodFault.NodeDrain _,
                    DependencyFault _ -> false;
        };
    }

    private static ChaosKind fill(Fault fault, PodTarget t, Map<String, Object> spec) {
        switch (fault) {
            case ProxyFault.Latency l -> {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("latency", goDuration(l.latency()));
                if (!l.jitter().isZero()) {
                    d.put("jitter", goDuration(l.jitter()));
                }
                if (l.correlation() > 0) {
                    d.put("correlation", percent(l.correlation()));
                }
                return network(spec, "delay", "delay", d);
            }
            case NetworkFault.PacketLoss p -> {
                return network(spec, "loss", "loss", packets("loss", p.probability(), p.correlation()));
            }
            case NetworkFault.PacketDuplicate p -> {
                return network(spec, "duplicate", "duplicate", packets("duplicate", p.probability(), p.correlation()));
            }
            case NetworkFault.PacketCorrupt p -> {
                return network(spec, "corrupt", "corrupt", packets("corrupt", p.probability(), p.correlation()));
            }
            case ProxyFault.Bandwidth b -> {
                return network(
                        spec,
                        "bandwidth",
                        "bandwidth",
                        Map.of(
                                "rate",
                                b.kilobytesPerSecond() + "kbps",
                                "limit",
                                BANDWIDTH_LIMIT,
                                "buffer",
                                BANDWIDTH_BUFFER));
            }
            case NetworkFault.Partition p -> {
                spec.put("action", "partition");
                spec.put("direction", p.direction());
                if (!p.peerLabels().isEmpty()) {
                    spec.put(
                            "target",
                            Map.of(
                                    "mode",
                                    "all",
                                    "selector",
                                    selector(t.namespace(), PodTarget.pairs(p.peerLabels()), Map.of(), List.of())));
                }
                if (!p.externalTargets().isEmpty()) {
                    spec.put("externalTargets", p.externalTargets());
                }
                return ChaosKind.NETWORK;
            }
            case ProxyFault.Down _ -> {
                spec.put("action", "partition");
                spec.put("direction", "both");
                spec.put("externalTargets", List.of("0.0.0.0/0"));
                return ChaosKind.NETWORK;
            }
            case StressFault.CpuStress c -> {
                containers(spec, t);
                spec.put("stressors", Map.of("cpu", Map.of("workers", c.workers(), "load", c.loadPercent())));
                return ChaosKind.STRESS;
            }
            case StressFault.MemoryStress m -> {
                if (m.growthPerSecond() > 0) {
                    throw new IllegalArgumentException("Chaos Mesh's memory stressor takes its size at once: leave out"
                            + " 'growth', or grow memory with the local backend");
                }
                containers(spec, t);
                spec.put("stressors", Map.of("memory", Map.of("workers", 1, "size", size(m.bytes()))));
                return ChaosKind.STRESS;
            }
            case PodFault.PodKill k -> {
                spec.put("action", "pod-kill");
                if (!k.gracePeriod().isZero()) {
                    spec.put("gracePeriod", k.gracePeriod().toSeconds());
                }
                spec.remove("duration"); // a kill is instantaneous; PodChaos pod-kill takes no duration
                return ChaosKind.POD;
            }
            case PodFault.PodFailure _ -> {
                spec.put("action", "pod-failure");
                return ChaosKind.POD;
            }
            case PodFault.ContainerKill k -> {
                List<String> names = !k.containers().isEmpty()
                        ? k.containers()
                        : t.container().isEmpty() ? List.of() : List.of(t.container());
                if (names.isEmpty()) {
                    throw new IllegalArgumentException(
                            "a container-kill needs containers: [..] or the target's container");
                }
                spec.put("action", "container-kill");
                spec.put("containerNames", names);
                spec.remove("duration");
                return ChaosKind.POD;
            }
            case HttpFault h -> {
                return ChaosHttp.fill(h, t, spec);
            }
            case FileSystemFault.IoLatency l -> {
                io(spec, t, "latency", l.volumePath(), l.path(), l.probability());
                spec.put("delay", goDuration(l.delay()));
                return ChaosKind.IO;
            }
            case FileSystemFault.IoFault e -> {
                io(spec, t, "fault", e.volumePath(), e.path(), e.probability());
                spec.put("errno", e.errno());
                return ChaosKind.IO;
            }
            case PodFault.TimeShift s -> {
                containers(spec, t);
                spec.put(
                        "timeOffset",
                        s.offset().isNegative() ? "-" + goDuration(s.offset().negated()) : goDuration(s.offset()));
                return ChaosKind.TIME;
            }
            case NetworkFault.DnsFault d -> {
                containers(spec, t);
                spec.put("action", d.action());
                spec.put("patterns", d.patterns().isEmpty() ? List.of("*") : d.patterns());
                return ChaosKind.DNS;
            }
            case JvmFault.JvmException j -> {
                jvm(spec, t, "exception", j.target());
                spec.put(
                        "exception",
                        j.exception() + "(\""
                                + j.message().replace("\\", "\\\\").replace("\"", "\\\"") + "\")");
                return ChaosKind.JVM;
            }
            case JvmFault.JvmLatency j -> {
                jvm(spec, t, "latency", j.target());
                spec.put("latency", j.latency().toMillis());
                return ChaosKind.JVM;
            }
            case JvmFault.JvmReturn j -> {
                jvm(spec, t, "return", j.target());
                spec.put(
                        "returnValue",
                        j.value().matches("-?[0-9.]+|true|false|null")
                                ? j.value()
                                : "\"" + j.value().replace("\"", "\\\"") + "\"");
                return ChaosKind.JVM;
            }
            case ProxyFault.SlowClose _,
                    ProxyFault.ConnectionTimeout _,
                    ProxyFault.ResetPeer _,
                    ProxyFault.Slicer _,
                    ProxyFault.LimitData _,
                    StressFault.DiskStress _,
                    ProcessFault.ProcessPause _,
                    ProcessFault.ProcessKill _,
                    ProcessFault.ProcessRestart _,
                    PodFault.NodeDrain _,
                    DependencyFault _ ->
                throw new IllegalArgumentException("Chaos Mesh cannot make a '" + fault.type() + "' fault");
        }
    }

    private static void jvm(Map<String, Object> spec, PodTarget t, String action, JvmFault.JvmMethod m) {
        containers(spec, t);
        spec.put("action", action);
        spec.put("class", m.className());
        spec.put("method", m.method());
    }

    private static ChaosKind network(Map<String, Object> spec, String action, String field, Map<String, Object> value) {
        spec.put("action", action);
        spec.put(field, value);
        return ChaosKind.NETWORK;
    }

    private static Map<String, Object> packets(String field, double probability, double correlation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(field, percent(probability));
        if (correlation > 0) {
            m.put("correlation", percent(correlation));
        }
        return m;
    }

    private static void io(
            Map<String, Object> spec, PodTarget t, String action, String volumePath, String path, double probability) {
        containers(spec, t);
        spec.put("action", action);
        spec.put("volumePath", volumePath);
        if (!path.isEmpty()) {
            spec.put("path", path);
        }
        spec.put("percent", (int) Math.round(probability * 100));
    }

    private static void containers(Map<String, Object> spec, PodTarget t) {
        if (!t.container().isEmpty()) {
            spec.put("containerNames", List.of(t.container()));
        }
    }

    static Map<String, Object> selector(
            String namespace, Map<String, String> labels, Map<String, String> fields, List<String> podNames) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (!podNames.isEmpty()) {
            s.put("pods", Map.of(namespace, new ArrayList<>(podNames)));
        } else {
            s.put("namespaces", List.of(namespace));
        }
        if (!labels.isEmpty()) {
            s.put("labelSelectors", labels);
        }
        if (!fields.isEmpty()) {
            s.put("fieldSelectors", fields);
        }
        return s;
    }

    /** A Go duration string, as the CRDs take: {@code 1500ms}, {@code 30s}. */
    static String goDuration(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    private static String percent(double share) {
        return Numbers.format(share * 100);
    }

    private static String size(long bytes) {
        return bytes % 1_000_000 == 0 ? bytes / 1_000_000 + "MB" : bytes + "B";
    }

    static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
