package dev.faultline.plugin.local;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Part of {@link LocalFaultsBench}: what each stressor really does (CPU, memory, disk) against what was asked. */
final class LocalStressBench {
    private LocalStressBench() {}

    // ---- what each stressor does, against what was asked ----

    static void run() throws Exception {
        Target host = new Target("host", Params.of("name", "local"));
        Duration d = Duration.ofMinutes(1);
        long mb = 1_000_000;
        record Case(
                String name,
                Fault fault,
                String measure,
                java.util.function.ToLongFunction<Long> counter,
                double unit) {}
        List<Case> cases = List.of(
                new Case(
                        "cpu-stress 1 worker at 50%",
                        new StressFault.CpuStress(1, 50), "cores", StressMeter::cpuTicks, 100),
                new Case(
                        "cpu-stress 2 workers at 25%",
                        new StressFault.CpuStress(2, 25), "cores", StressMeter::cpuTicks, 100),
                new Case(
                        "memory-stress 256 MB",
                        new StressFault.MemoryStress(256 * mb),
                        "resident MB",
                        StressMeter::residentBytes,
                        0),
                new Case(
                        "memory-stress 512 MB growing 64 MB/s",
                        new StressFault.MemoryStress(512 * mb, 64 * mb),
                        "resident MB/s",
                        StressMeter::residentBytes,
                        mb),
                new Case(
                        "disk-stress write 64 MB",
                        new StressFault.DiskStress(64 * mb),
                        "written MB/s",
                        p -> StressMeter.io(p, "write_bytes"),
                        mb),
                new Case(
                        "disk-stress write at 25 MB/s",
                        new StressFault.DiskStress(64 * mb, StressFault.DiskIo.WRITE, 25 * mb, ""),
                        "written MB/s",
                        p -> StressMeter.io(p, "write_bytes"),
                        mb),
                new Case(
                        "disk-stress read 64 MB",
                        new StressFault.DiskStress(64 * mb, StressFault.DiskIo.READ, 0, ""),
                        "read from disk MB/s",
                        p -> StressMeter.io(p, "read_bytes"),
                        mb),
                new Case(
                        "disk-stress read at 40 MB/s",
                        new StressFault.DiskStress(64 * mb, StressFault.DiskIo.READ, 40 * mb, ""),
                        "read from disk MB/s",
                        p -> StressMeter.io(p, "read_bytes"),
                        mb),
                new Case(
                        "disk-stress fill 128 MB",
                        new StressFault.DiskStress(128 * mb, StressFault.DiskIo.FILL, 0, ""),
                        "held MB",
                        StressMeter::deletedFileBytes,
                        0));
        for (StressCommand.Choice choice : List.of(StressCommand.Choice.BUILT_IN, StressCommand.Choice.AUTO)) {
            LocalBackend b = new LocalBackend("http://127.0.0.1:1", choice);
            for (Case c : cases) {
                FaultRequest r = FaultRequest.atShare("b", "stress", c.fault(), host, 1, d);
                FaultHandle h = b.prepare(r);
                if (choice == StressCommand.Choice.AUTO
                        && !h.data().require("engine").equals(StressCommand.STRESS_NG)) {
                    continue; // the built-in stressor, measured above
                }
                b.inject(r, h);
                try {
                    Thread.sleep(1_500);
                    double figure = c.unit() == 0
                            ? StressMeter.sum(h, c.counter()) / (double) mb
                            : StressMeter.rate(h, c.counter(), 3_000) / c.unit();
                    if (c.measure().equals("cores")) {
                        figure = StressMeter.rate(h, c.counter(), 3_000) / c.unit();
                    }
                    System.out.printf(
                            Locale.ROOT,
                            "stress: %-10s %-38s %-20s %8.2f%n",
                            h.data().require("engine"),
                            c.name(),
                            c.measure(),
                            figure);
                } finally {
                    b.revert(h);
                }
            }
        }
    }
}
