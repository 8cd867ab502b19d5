package dev.faultline.plugin.litmus.interop;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.NetworkFault;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A chaos hub experiment and its environment variables (named as in the hub's {@code fault.yaml})
 * as a Faultline fault: pod-delete, container-kill, pod-network-latency/loss/corruption/duplication,
 * pod-cpu-hog, pod-memory-hog, disk-fill, node-drain.
 */
final class LitmusFaultReader {
    private LitmusFaultReader() {}

    static Optional<Fault> read(String experiment, LitmusEnv env, String source, List<ConversionNote> notes)
            throws ImportException {
        return switch (experiment) {
            case "pod-delete" -> {
                boolean force = env.take("FORCE").map(Boolean::parseBoolean).orElse(false);
                if (env.take("CHAOS_INTERVAL").isPresent()) {
                    notes.add(new ConversionNote(
                            source + " env CHAOS_INTERVAL",
                            "Litmus deletes pods again every CHAOS_INTERVAL during the chaos; Faultline's pod-kill"
                                    + " kills once at the start of the step"));
                }
                if (!force) {
                    notes.add(new ConversionNote(
                            source + " env FORCE",
                            "false: the pods stop with a grace period, written as gracePeriod 30s (Kubernetes'"
                                    + " default; Litmus uses each pod's own)"));
                }
                yield Optional.of(new PodFault.PodKill(force ? Duration.ZERO : Duration.ofSeconds(30)));
            }
            case "container-kill" ->
                Optional.of(new PodFault.ContainerKill(
                        env.take("TARGET_CONTAINER").map(List::of).orElse(List.of())));
            case "pod-network-latency" ->
                Optional.of(new ProxyFault.Latency(
                        Duration.ofMillis(env.number("NETWORK_LATENCY", 2000)),
                        Duration.ofMillis(env.number("JITTER", 0))));
            case "pod-network-loss" ->
                Optional.of(new NetworkFault.PacketLoss(share(env, "NETWORK_PACKET_LOSS_PERCENTAGE", 100), 0));
            case "pod-network-corruption" ->
                Optional.of(new NetworkFault.PacketCorrupt(share(env, "NETWORK_PACKET_CORRUPTION_PERCENTAGE", 100), 0));
            case "pod-network-duplication" ->
                Optional.of(
                        new NetworkFault.PacketDuplicate(share(env, "NETWORK_PACKET_DUPLICATION_PERCENTAGE", 100), 0));
            case "pod-cpu-hog" ->
                Optional.of(
                        new StressFault.CpuStress((int) env.number("CPU_CORES", 1), (int) env.number("CPU_LOAD", 100)));
            case "pod-memory-hog" ->
                Optional.of(new StressFault.MemoryStress(env.number("MEMORY_CONSUMPTION", 500) * 1_000_000));
            case "disk-fill" -> {
                Optional<String> mib = env.take("EPHEMERAL_STORAGE_MEBIBYTES");
                Optional<String> pct = env.take("FILL_PERCENTAGE");
                if (mib.isEmpty()) {
                    notes.add(new ConversionNote(
                            source,
                            "left out: it fills " + pct.map(p -> p + "% of").orElse("a share of")
                                    + " the pod's ephemeral storage limit; Faultline's disk-stress fills a size:"
                                    + " set EPHEMERAL_STORAGE_MEBIBYTES"));
                    yield Optional.empty();
                }
                yield Optional.of(new StressFault.DiskStress(
                        env.number("EPHEMERAL_STORAGE_MEBIBYTES", 0) * 1024 * 1024, StressFault.DiskIo.FILL, 0, ""));
            }
            case "node-drain" -> Optional.of(new PodFault.NodeDrain());
            default -> {
                notes.add(new ConversionNote(
                        source,
                        "left out: Faultline makes no '" + experiment + "' (it reads pod-delete, container-kill,"
                                + " pod-network-latency/loss/corruption/duplication, pod-cpu-hog, pod-memory-hog,"
                                + " disk-fill, node-drain)"));
                yield Optional.empty();
            }
        };
    }

    private static double share(LitmusEnv env, String name, double fallback) throws ImportException {
        double v = env.number(name, (long) fallback);
        if (v <= 0 || v > 100) {
            throw env.node(name).problem(name + " is a percentage above 0 and at most 100");
        }
        return v / 100.0;
    }
}
