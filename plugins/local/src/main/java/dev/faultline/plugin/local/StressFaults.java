package dev.faultline.plugin.local;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.plugin.local.stress.DiskStressor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * CPU, memory and disk stress on this machine ({@code target: {host: local}}), each in a stressor
 * process of its own ({@code stress-ng} or the built-in one, see {@link StressCommand}) tagged with
 * the fault's id in its environment: reverting stops every process with that tag and their
 * children, so it works from the handle alone after a crash, and the stressor also stops by itself
 * a minute after the fault's planned end.
 */
final class StressFaults {
    private final StressCommand.Choice choice;
    private final Optional<Path> stressNg;

    StressFaults(StressCommand.Choice choice, Optional<Path> stressNg) {
        this.choice = choice;
        this.stressNg = stressNg;
    }

    FaultHandle prepare(FaultRequest r, StressFault fault) throws BackendException {
        String host = r.target().selector().get("name").orElse("");
        if (!host.equals("local") && !host.equals("localhost")) {
            throw new BackendException(
                    LocalBackendProvider.ID, "stress runs on this machine only: target: {host: local}");
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        String note = "";
        if (r.fault() instanceof StressFault.MemoryStress m) {
            long available = availableMemory();
            if (available > 0 && m.bytes() > available) {
                throw new BackendException(
                        LocalBackendProvider.ID,
                        "memory stress asks for " + m.bytes() / 1_000_000
                                + " MB but this machine has " + available / 1_000_000
                                + " MB available: the kernel would kill"
                                + " processes outside the blast radius");
            }
        } else if (r.fault() instanceof StressFault.DiskStress d) {
            dir = d.directory().isEmpty() ? dir : Path.of(d.directory());
            if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
                throw new BackendException(
                        LocalBackendProvider.ID, "disk stress needs a writable directory: '" + dir + "' is not one");
            }
            if (d.io() == StressFault.DiskIo.READ) {
                note = DiskStressor.directIoWorks(dir)
                        ? ", reads bypass the page cache"
                        : ", reads come from the page cache (" + dir + " refuses direct I/O)";
            }
        }
        String tag = "faultline_stress_" + ProxyFaults.toxicName(r.runId(), r.step());
        StressCommand cmd = StressCommand.of(fault, tag, r.duration().toSeconds() + 60, dir, choice, stressNg);
        return new FaultHandle(
                LocalBackendProvider.ID,
                tag,
                r.fault().describe() + " on " + r.target().label() + " (" + cmd.engine() + note + ")",
                Params.of("kind", "stress", "tag", tag, "engine", cmd.engine(), "argv", String.join("\n", cmd.argv())));
    }

    void inject(FaultHandle h) throws BackendException {
        ProcessBuilder pb = new ProcessBuilder(h.data().require("argv").split("\n"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put(StressCommand.TAG_VARIABLE, h.data().require("tag"));
        try {
            Process p = pb.start();
            if (p.waitFor(300, TimeUnit.MILLISECONDS)) {
                throw new BackendException(
                        LocalBackendProvider.ID,
                        "the stressor (" + h.data().get("engine").orElse("") + ") exited at once with "
                                + p.exitValue());
            }
        } catch (IOException e) {
            throw new BackendException(LocalBackendProvider.ID, "cannot start the stressor: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(LocalBackendProvider.ID, "interrupted while starting the stressor");
        }
    }

    /** Stops the tagged stressors (stress-ng stops its workers on TERM), then kills whatever of them is left. */
    void revert(FaultHandle h) {
        for (ProcessHandle p : stressors(h)) {
            List<ProcessHandle> workers = p.descendants().toList();
            p.destroy();
            try {
                p.onExit().get(3, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
            workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    boolean gone(FaultHandle h) {
        return stressors(h).isEmpty();
    }

    String manualCleanup(FaultHandle h) {
        String tag = h.data().get("tag").orElse("faultline_stress_");
        return "for p in $(grep -lz '" + StressCommand.TAG_VARIABLE + "=" + tag
                + "' /proc/[0-9]*/environ | cut -d/ -f3); do kill $p; done";
    }

    /**
     * The tagged stressor processes: a stress-ng parent or the built-in stressor, by the tag in their
     * environment, or on the command line (the built-in stressor's, and handles from before the
     * environment tag).
     */
    static List<ProcessHandle> stressors(FaultHandle h) {
        return Processes.tagged(StressCommand.TAG_VARIABLE, h.data().require("tag"));
    }

    /** MemAvailable from /proc/meminfo, in bytes; 0 when unknown. */
    private static long availableMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
