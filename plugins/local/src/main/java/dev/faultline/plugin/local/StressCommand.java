package dev.faultline.plugin.local;

import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.JavaCommand;
import dev.faultline.plugin.local.stress.StressorMain;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command line of a stressor: {@code stress-ng}'s where it is installed and expresses the fault
 * exactly (CPU; memory taken at once; disk writes at full speed), the built-in stressor's otherwise
 * (memory growth, disk reads, fill, a throughput limit) or when the backend's {@code stressor}
 * setting says {@code built-in}.
 */
record StressCommand(String engine, List<String> argv) {
    /** The environment variable that tags a stressor (stress-ng rewrites its workers' command lines). */
    static final String TAG_VARIABLE = "FAULTLINE_STRESS_TAG";

    static final String STRESS_NG = "stress-ng";
    static final String BUILT_IN = "built-in";

    /** Which stressor the backend uses: {@code auto} (the default), {@code built-in} or {@code stress-ng}. */
    enum Choice {
        AUTO,
        BUILT_IN,
        STRESS_NG;

        static Choice parse(String setting) throws BackendException {
            for (Choice c : values()) {
                if (c.name().replace('_', '-').equalsIgnoreCase(setting.strip())) {
                    return c;
                }
            }
            throw new BackendException(
                    LocalBackendProvider.ID,
                    "the stressor setting is '" + setting + "'; it takes auto, built-in or stress-ng");
        }
    }

    /** {@code stress-ng} on the PATH, if installed. */
    static Optional<Path> findStressNg() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path exe = Path.of(dir.isEmpty() ? "." : dir, STRESS_NG);
            if (Files.isExecutable(exe)) {
                return Optional.of(exe);
            }
        }
        return Optional.empty();
    }

    static StressCommand of(
            StressFault fault, String tag, long seconds, Path dir, Choice choice, Optional<Path> stressNg)
            throws BackendException {
        boolean expressible = switch (fault) {
            case StressFault.CpuStress _ -> true;
            case StressFault.MemoryStress m -> m.growthPerSecond() == 0;
            case StressFault.DiskStress d -> d.io() == StressFault.DiskIo.WRITE && d.throughputPerSecond() == 0;
        };
        if (choice == Choice.STRESS_NG && stressNg.isEmpty()) {
            throw new BackendException(
                    LocalBackendProvider.ID,
                    "the stressor setting asks for stress-ng, which is not"
                            + " installed here (apt install stress-ng), or set stressor: auto");
        }
        if (choice == Choice.STRESS_NG && !expressible) {
            throw new BackendException(
                    LocalBackendProvider.ID,
                    "stress-ng cannot make '" + fault.describe()
                            + "' (memory growth, disk reads, fill and throughput limits need the built-in stressor): set"
                            + " stressor: auto");
        }
        if (choice != Choice.BUILT_IN && expressible && stressNg.isPresent()) {
            return new StressCommand(STRESS_NG, stressNg(fault, seconds, dir, stressNg.get()));
        }
        return new StressCommand(BUILT_IN, builtIn(fault, tag, seconds, dir));
    }

    private static List<String> stressNg(StressFault fault, long seconds, Path dir, Path exe) {
        List<String> cmd = new ArrayList<>(List.of(exe.toString()));
        switch (fault) {
            case StressFault.CpuStress c ->
                cmd.addAll(List.of(
                        "--cpu", Integer.toString(c.workers()), "--cpu-load", Integer.toString(c.loadPercent())));
            // one worker maps the size, touches every page once and holds it (--vm-hang 0) without burning CPU
            case StressFault.MemoryStress m ->
                cmd.addAll(List.of(
                        "--vm",
                        "1",
                        "--vm-bytes",
                        Long.toString(m.bytes()),
                        "--vm-keep",
                        "--vm-hang",
                        "0",
                        "--oomable"));
            case StressFault.DiskStress d ->
                cmd.addAll(List.of(
                        "--hdd",
                        "1",
                        "--hdd-bytes",
                        Long.toString(d.bytes()),
                        "--hdd-write-size",
                        Long.toString(Math.min(1 << 20, d.bytes())),
                        "--hdd-opts",
                        "wr-seq,fsync",
                        "--temp-path",
                        dir.toString()));
        }
        cmd.addAll(List.of("--timeout", seconds + "s", "--quiet"));
        return List.copyOf(cmd);
    }

    private static List<String> builtIn(StressFault fault, String tag, long seconds, Path dir) {
        // memory stress holds its blocks outside the heap, exactly as many as asked for
        long direct = fault instanceof StressFault.MemoryStress m ? m.bytes() + (1 << 20) : 16 << 20;
        List<String> cmd = new ArrayList<>(List.of(
                JavaCommand.ofThisRuntime(),
                "-Xmx32m",
                "-XX:MaxDirectMemorySize=" + direct,
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                StressorMain.class.getName(),
                "--tag",
                tag,
                "--seconds",
                Long.toString(seconds)));
        switch (fault) {
            case StressFault.CpuStress c ->
                cmd.addAll(List.of(
                        "--kind",
                        "cpu",
                        "--workers",
                        Integer.toString(c.workers()),
                        "--load",
                        Integer.toString(c.loadPercent())));
            case StressFault.MemoryStress m ->
                cmd.addAll(List.of(
                        "--kind",
                        "memory",
                        "--bytes",
                        Long.toString(m.bytes()),
                        "--growth",
                        Long.toString(m.growthPerSecond())));
            case StressFault.DiskStress d ->
                cmd.addAll(List.of(
                        "--kind",
                        "disk",
                        "--io",
                        d.io().name().toLowerCase(Locale.ROOT),
                        "--bytes",
                        Long.toString(d.bytes()),
                        "--throughput",
                        Long.toString(d.throughputPerSecond()),
                        "--dir",
                        dir.toString()));
        }
        return List.copyOf(cmd);
    }
}
