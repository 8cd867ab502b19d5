package dev.faultline.plugin.local;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.plugin.local.stress.StressorMain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CPU, memory and disk stress on this machine ({@code target: {host: local}}), each in a stressor
 * process of its own tagged with the fault's id: reverting kills every process with that tag, so
 * it works from the handle alone after a crash, and the stressor also stops by itself a minute
 * after the fault's planned end.
 */
final class StressFaults {
    static boolean isStress(Fault f) {
        return f instanceof Fault.CpuStress || f instanceof Fault.MemoryStress || f instanceof Fault.DiskStress;
    }

    FaultHandle prepare(FaultRequest r) throws BackendException {
        String host = r.target().selector().get("name").orElse("");
        if (!host.equals("local") && !host.equals("localhost")) {
            throw new BackendException(LocalBackendProvider.ID, "stress runs on this machine only: target: {host: local}");
        }
        String tag = "faultline_stress_" + ProxyFaults.toxicName(r.runId(), r.step());
        List<String> args = new ArrayList<>(List.of("--tag", tag, "--seconds",
                Long.toString(r.duration().toSeconds() + 60)));
        String heap = "64m";
        if (r.fault() instanceof Fault.CpuStress c) {
            args.addAll(List.of("--kind", "cpu", "--workers", Integer.toString(c.workers()), "--load",
                    Integer.toString(c.loadPercent())));
        } else if (r.fault() instanceof Fault.MemoryStress m) {
            args.addAll(List.of("--kind", "memory", "--bytes", Long.toString(m.bytes())));
            heap = (m.bytes() / (1 << 20) + 64) + "m";
        } else {
            Fault.DiskStress d = (Fault.DiskStress) r.fault();
            args.addAll(List.of("--kind", "disk", "--bytes", Long.toString(d.bytes())));
        }
        return new FaultHandle(LocalBackendProvider.ID, tag, r.fault().describe() + " on " + r.target().label(),
                Params.of("kind", "stress", "tag", tag, "heap", heap, "args", String.join(" ", args)));
    }

    void inject(FaultHandle h) throws BackendException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()), "-Xmx" + h.data().require("heap"),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), StressorMain.class.getName()));
        cmd.addAll(List.of(h.data().require("args").split(" ")));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (p.waitFor(300, TimeUnit.MILLISECONDS)) {
                throw new BackendException(LocalBackendProvider.ID, "the stressor exited at once with " + p.exitValue());
            }
        } catch (IOException e) {
            throw new BackendException(LocalBackendProvider.ID, "cannot start the stressor: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(LocalBackendProvider.ID, "interrupted while starting the stressor");
        }
    }

    void revert(FaultHandle h) {
        for (ProcessHandle p : Processes.matching(h.data().require("tag"))) {
            p.destroy();
            try {
                p.onExit().get(3, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    boolean gone(FaultHandle h) {
        return Processes.matching(h.data().require("tag")).isEmpty();
    }

    String manualCleanup(FaultHandle h) {
        return "pkill -f " + h.data().get("tag").orElse("faultline_stress_");
    }
}
