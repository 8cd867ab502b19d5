package dev.faultline.sandbox;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What one sandbox start costs: the time until {@link Sandbox#start} returns (the shop is steady),
 * the CPU seconds its service processes used until then, and the CPU seconds of this JVM meanwhile
 * (the warm-up orders and the waits). Run: {@code scripts/bench SandboxStartBench [starts] [home]
 * [port base]}; starts one after another in the same home (so a second start finds what a first one
 * left there), each stopped before the next. Default: 4 starts in a new temporary home, port base
 * 58080. {@code scripts/bench SandboxStartBench jvm [rounds]}: one service JVM at a time instead.
 */
public final class SandboxStartBench {
    private SandboxStartBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jvm")) {
            serviceJvms(args);
            return;
        }
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        Path home = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("sandbox-bench");
        int base = args.length > 2 ? Integer.parseInt(args[2]) : 58080;
        SandboxOptions o = SandboxOptions.defaults(home).withPortBase(base);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(
                Locale.ROOT, "%-6s %10s %14s %12s%n", "start", "ready (s)", "services CPU-s", "starter CPU-s");
        for (int i = 1; i <= starts; i++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            try (RunningSandbox s = Sandbox.start(o)) {
                double ready = (System.nanoTime() - t0) / 1e9;
                double starter = (os.getProcessCpuTime() - cpu0) / 1e9;
                double services = 0;
                for (SandboxState.Service svc : s.services()) {
                    services += ProcessHandle.of(svc.pid())
                                    .flatMap(p -> p.info().totalCpuDuration())
                                    .orElse(Duration.ZERO)
                                    .toMillis()
                            / 1000.0;
                }
                System.out.printf(Locale.ROOT, "%-6d %10.2f %14.2f %12.2f%n", i, ready, services, starter);
            }
        }
        System.out.println("home: " + home + ", load average now: "
                + String.format(Locale.ROOT, "%.2f", os.getSystemLoadAverage()));
    }

    /**
     * {@code jvm [starts] [home] [port base]}: one service JVM at a time (payment, database, cache,
     * order: each answers its health path on its own), the CPU seconds it used until it answered,
     * then stopped; {@code starts} rounds in the same home.
     */
    private static void serviceJvms(String[] args) throws Exception {
        int starts = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path home = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("sandbox-bench");
        int base = args.length > 3 ? Integer.parseInt(args[3]) : 58080;
        SandboxOptions o = SandboxOptions.defaults(home).withPortBase(base);
        java.util.List<ServiceSpec> specs = Sandbox.specs(o).stream()
                .filter(s -> java.util.Set.of("sandbox-payment", "sandbox-db", "sandbox-cache", "sandbox-order")
                        .contains(s.name()))
                .toList();
        System.out.printf(Locale.ROOT, "%-6s %-18s %14s %10s%n", "round", "service", "CPU-s to health", "wall (s)");
        for (int i = 1; i <= starts; i++) {
            for (ServiceSpec spec : specs) {
                long t0 = System.nanoTime();
                Process p = ChildProcess.start(spec, o);
                try {
                    if (!ChildProcess.awaitHealthy(
                            spec, p, java.time.Instant.now().plusSeconds(60))) {
                        throw new IllegalStateException(spec.name() + " did not answer in 60 s");
                    }
                    double wall = (System.nanoTime() - t0) / 1e9;
                    double cpu = p.toHandle()
                                    .info()
                                    .totalCpuDuration()
                                    .orElse(Duration.ZERO)
                                    .toMillis()
                            / 1000.0;
                    System.out.printf(Locale.ROOT, "%-6d %-18s %14.2f %10.2f%n", i, spec.name(), cpu, wall);
                } finally {
                    ChildProcess.stopAll(java.util.List.of(p.toHandle()), ChildProcess.STOP_GRACE);
                }
            }
        }
    }
}
