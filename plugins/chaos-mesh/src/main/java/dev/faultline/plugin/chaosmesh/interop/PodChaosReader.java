package dev.faultline.plugin.chaosmesh.interop;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.FileSystemFault;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.Sizes;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.plugin.kube.interop.ManifestNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** PodChaos, StressChaos and IOChaos specs as Faultline faults: what happens to the pods and their resources. */
final class PodChaosReader extends ChaosKindReader {
    PodChaosReader(String source, List<ConversionNote> notes) {
        super(source, notes);
    }

    Fault pod(ManifestNode spec) throws ImportException {
        String action = spec.require("action").text();
        return switch (action) {
            case "pod-kill" -> new PodFault.PodKill(Duration.ofSeconds(spec.number("gracePeriod", 0)));
            case "pod-failure" -> new PodFault.PodFailure();
            case "container-kill" -> new PodFault.ContainerKill(spec.texts("containerNames"));
            default ->
                throw spec.require("action")
                        .problem("PodChaos action '" + action + "' is not pod-kill, pod-failure or container-kill");
        };
    }

    List<Fault> stress(ManifestNode spec) throws ImportException {
        List<Fault> out = new ArrayList<>();
        ManifestNode stressors = spec.get("stressors").orElse(null);
        if (stressors != null) {
            Optional<ManifestNode> cpu = stressors.get("cpu");
            if (cpu.isPresent()) {
                extra(cpu.get(), Set.of("workers", "load"), "Faultline's cpu-stress has workers and load only");
                out.add(new StressFault.CpuStress(
                        (int) cpu.get().number("workers", 1), (int) cpu.get().number("load", 100)));
            }
            Optional<ManifestNode> mem = stressors.get("memory");
            if (mem.isPresent()) {
                extra(mem.get(), Set.of("workers", "size"), "Faultline's memory-stress has its size only");
                long workers = mem.get().number("workers", 1);
                ManifestNode size = mem.get().require("size");
                String text = size.text().strip();
                if (text.endsWith("%")) {
                    note(
                            mem.get(),
                            "size",
                            "left out: a share of the memory (" + text + ") has no Faultline"
                                    + " equivalent; give a size such as 256MB");
                } else {
                    long bytes;
                    try {
                        bytes = Sizes.parse(text.toLowerCase(Locale.ROOT), size.field());
                    } catch (IllegalArgumentException e) {
                        throw size.problem(String.valueOf(e.getMessage()));
                    }
                    if (workers > 1) {
                        note(
                                mem.get(),
                                "workers",
                                workers + " workers of " + text + " each became one of "
                                        + Sizes.format(bytes * workers));
                    }
                    out.add(new StressFault.MemoryStress(bytes * workers));
                }
            }
        }
        if (out.isEmpty()) {
            throw spec.problem("the StressChaos has no cpu or memory stressor Faultline can make");
        }
        return out;
    }

    Optional<Fault> io(ManifestNode spec) throws ImportException {
        String action = spec.require("action").text();
        String volume = spec.require("volumePath").text();
        String path = spec.text("path", "");
        double probability = spec.number("percent", 100) / 100.0;
        return switch (action) {
            case "latency" ->
                Optional.of(
                        new FileSystemFault.IoLatency(nonNegative(spec.require("delay")), volume, path, probability));
            case "fault" ->
                Optional.of(new FileSystemFault.IoFault((int) spec.number("errno", 5), volume, path, probability));
            default -> {
                notes.add(new ConversionNote(
                        source,
                        "left out: Faultline's io faults delay or fail calls; IOChaos " + action
                                + " has no equivalent"));
                yield Optional.empty();
            }
        };
    }
}
