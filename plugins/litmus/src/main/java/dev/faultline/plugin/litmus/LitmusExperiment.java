package dev.faultline.plugin.litmus;

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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fault as a Litmus experiment of the chaos hub and its environment variables (named as in the
 * hub's {@code fault.yaml}): pod-delete, container-kill, pod-network-latency/loss/corruption/
 * duplication, pod-cpu-hog, pod-memory-hog, disk-fill, node-drain.
 */
record LitmusExperiment(String name, Map<String, String> env) {
    LitmusExperiment {
        env = Map.copyOf(env);
    }

    /**
     * Whether this backend makes the fault: its provider's supported faults. Every kind is named,
     * without {@code default}, so a new kind breaks the build here until it is mapped (true) or
     * refused (false), next to the mapping itself.
     */
    static boolean supports(Fault f) {
        return switch (f) {
            case ProxyFault.Latency _,
                    StressFault.CpuStress _,
                    StressFault.MemoryStress _,
                    StressFault.DiskStress _,
                    NetworkFault.PacketLoss _,
                    NetworkFault.PacketDuplicate _,
                    NetworkFault.PacketCorrupt _,
                    PodFault.PodKill _,
                    PodFault.ContainerKill _,
                    PodFault.NodeDrain _ -> true;
            case ProxyFault.Down _,
                    ProxyFault.Bandwidth _,
                    ProxyFault.SlowClose _,
                    ProxyFault.ConnectionTimeout _,
                    ProxyFault.ResetPeer _,
                    ProxyFault.Slicer _,
                    ProxyFault.LimitData _,
                    HttpFault _,
                    ProcessFault.ProcessPause _,
                    ProcessFault.ProcessKill _,
                    ProcessFault.ProcessRestart _,
                    NetworkFault.Partition _,
                    NetworkFault.DnsFault _,
                    PodFault.PodFailure _,
                    PodFault.TimeShift _,
                    FileSystemFault.IoLatency _,
                    FileSystemFault.IoFault _,
                    JvmFault.JvmException _,
                    JvmFault.JvmLatency _,
                    JvmFault.JvmReturn _,
                    DependencyFault _ -> false;
        };
    }

    /** @throws IllegalArgumentException when Litmus has no experiment for the fault */
    static LitmusExperiment of(Fault fault, String container) {
        Map<String, String> env = new LinkedHashMap<>();
        String name;
        switch (fault) {
            case PodFault.PodKill k -> {
                name = "pod-delete";
                env.put("FORCE", k.gracePeriod().isZero() ? "true" : "false");
            }
            case PodFault.ContainerKill k -> {
                name = "container-kill";
                String c = !k.containers().isEmpty() ? String.join(",", k.containers()) : container;
                if (!c.isEmpty()) {
                    env.put("TARGET_CONTAINER", c);
                }
            }
            case ProxyFault.Latency l -> {
                name = "pod-network-latency";
                env.put("NETWORK_LATENCY", Long.toString(l.latency().toMillis()));
                env.put("JITTER", Long.toString(l.jitter().toMillis()));
            }
            case NetworkFault.PacketLoss p -> {
                name = "pod-network-loss";
                env.put("NETWORK_PACKET_LOSS_PERCENTAGE", pct(p.probability()));
            }
            case NetworkFault.PacketCorrupt p -> {
                name = "pod-network-corruption";
                env.put("NETWORK_PACKET_CORRUPTION_PERCENTAGE", pct(p.probability()));
            }
            case NetworkFault.PacketDuplicate p -> {
                name = "pod-network-duplication";
                env.put("NETWORK_PACKET_DUPLICATION_PERCENTAGE", pct(p.probability()));
            }
            case StressFault.CpuStress c -> {
                name = "pod-cpu-hog";
                env.put("CPU_CORES", Integer.toString(c.workers()));
                env.put("CPU_LOAD", Integer.toString(c.loadPercent()));
            }
            case StressFault.MemoryStress m -> {
                if (m.growthPerSecond() > 0) {
                    throw new IllegalArgumentException("pod-memory-hog takes its memory at once: leave out 'growth'");
                }
                name = "pod-memory-hog";
                env.put("MEMORY_CONSUMPTION", Long.toString(Math.max(1, m.bytes() / 1_000_000)));
            }
            case StressFault.DiskStress d -> {
                if (d.io() != StressFault.DiskIo.FILL
                        || d.throughputPerSecond() > 0
                        || !d.directory().isEmpty()) {
                    throw new IllegalArgumentException(
                            "LitmusChaos's disk-fill fills the pod's ephemeral storage as fast as"
                                    + " it can: a disk-stress here takes 'io: fill' and no 'throughput' or 'path'");
                }
                name = "disk-fill";
                env.put("EPHEMERAL_STORAGE_MEBIBYTES", Long.toString(Math.max(1, d.bytes() / (1024 * 1024))));
            }
            case PodFault.NodeDrain _ -> {
                name = "node-drain";
            }
            case ProxyFault.Down _,
                    ProxyFault.Bandwidth _,
                    ProxyFault.SlowClose _,
                    ProxyFault.ConnectionTimeout _,
                    ProxyFault.ResetPeer _,
                    ProxyFault.Slicer _,
                    ProxyFault.LimitData _,
                    HttpFault _,
                    ProcessFault.ProcessPause _,
                    ProcessFault.ProcessKill _,
                    ProcessFault.ProcessRestart _,
                    NetworkFault.Partition _,
                    NetworkFault.DnsFault _,
                    PodFault.PodFailure _,
                    PodFault.TimeShift _,
                    FileSystemFault.IoLatency _,
                    FileSystemFault.IoFault _,
                    JvmFault.JvmException _,
                    JvmFault.JvmLatency _,
                    JvmFault.JvmReturn _,
                    DependencyFault _ ->
                throw new IllegalArgumentException(
                        "LitmusChaos has no experiment for a '" + fault.type() + "' fault here");
        }
        if (!(fault instanceof PodFault.ContainerKill)
                && !container.isEmpty()
                && !(fault instanceof PodFault.NodeDrain)) {
            env.put("TARGET_CONTAINER", container);
        }
        return new LitmusExperiment(name, env);
    }

    private static String pct(double share) {
        return Numbers.format(share * 100);
    }
}
