package dev.faultline.plugin.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultBackendContract;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CPU and memory stress as real stressor processes on this machine, measured from /proc. */
class LocalBackendStressIT extends FaultBackendContract {
    private final Target host = new Target("host", Params.of("name", "local"));

    @AfterEach
    void noStressorLeft() {
        assertThat(Processes.matching("faultline_stress_faultline_run1_cpu")).isEmpty();
    }

    @Override
    protected BackendSettings settings() {
        return BackendSettings.empty("local");
    }

    @Override
    protected FaultBackendProvider provider() {
        return new LocalBackendProvider();
    }

    @Override
    protected FaultRequest request() {
        return new FaultRequest("run1", "cpu", new Fault.CpuStress(1, 30), host, 1.0, Duration.ofSeconds(30));
    }

    @Override
    protected boolean effectPresent(FaultHandle handle) {
        return !Processes.matching(handle.data().require("tag")).isEmpty();
    }

    private static long residentBytes(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        return 0;
    }

    @Test
    void memoryStressHoldsWhatWasAskedForAndReleasesItOnRevert() throws Exception {
        long asked = 64L << 20;
        FaultRequest r = new FaultRequest("run1", "mem", new Fault.MemoryStress(asked), host, 1.0, Duration.ofSeconds(30));
        try (FaultBackend b = provider().create(settings())) {
            FaultHandle h = b.prepare(r);
            b.inject(r, h);
            List<ProcessHandle> stressors = Processes.matching(h.data().require("tag"));
            assertThat(stressors).hasSize(1);
            long pid = stressors.get(0).pid();
            long rss = 0;
            for (int i = 0; i < 100 && rss < asked; i++) {
                Thread.sleep(50);
                rss = residentBytes(pid);
            }
            assertThat(rss).as("resident memory of the stressor").isBetween(asked, asked + (200L << 20));
            b.revert(h);
            assertThat(Processes.matching(h.data().require("tag"))).isEmpty();
        }
    }
}
