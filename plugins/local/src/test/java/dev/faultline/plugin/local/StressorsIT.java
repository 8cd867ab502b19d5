package dev.faultline.plugin.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.plugin.local.stress.DiskStressor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What each stressor really does to this machine, measured from /proc: CPU time used, resident
 * memory, bytes written and read, and space held. The built-in stressor always; stress-ng when
 * installed (required on CI, where scripts/test installs it).
 */
class StressorsIT {
    private static final Target HOST = new Target("host", Params.of("name", "local"));
    private static final long MB = 1_000_000;
    private final List<FaultHandle> injected = new ArrayList<>();
    private final List<LocalBackend> backends = new ArrayList<>();

    @AfterEach
    void everyStressorIsGone() throws Exception {
        for (FaultHandle h : injected) {
            backends.get(0).revert(h); // reverting twice is safe
        }
        for (FaultHandle h : injected) {
            assertThat(StressFaults.stressors(h)).as("stressors of " + h.description()).isEmpty();
        }
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.map(Path::toString).filter(p -> p.contains("faultline-disk-stress-"))).isEmpty();
        }
    }

    enum Engine {
        BUILT_IN, STRESS_NG
    }

    private LocalBackend backend(Engine engine) {
        if (engine == Engine.STRESS_NG) {
            if (System.getenv("CI") != null) {
                assertThat(StressCommand.findStressNg()).as("stress-ng on CI (scripts/test installs it)").isPresent();
            }
            assumeTrue(StressCommand.findStressNg().isPresent(), "stress-ng is not installed");
        }
        LocalBackend b = new LocalBackend("http://127.0.0.1:1",
                engine == Engine.STRESS_NG ? StressCommand.Choice.STRESS_NG : StressCommand.Choice.BUILT_IN);
        backends.add(b);
        return b;
    }

    private FaultHandle inject(LocalBackend b, String step, Fault fault) throws BackendException {
        FaultRequest r = new FaultRequest("run1", step, fault, HOST, 1.0, Duration.ofSeconds(30));
        FaultHandle h = b.prepare(r);
        injected.add(h);
        b.inject(r, h);
        return h;
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void cpuStressUsesTheShareOfACoreAskedFor(Engine engine) throws Exception {
        LocalBackend b = backend(engine);
        FaultHandle h = inject(b, "cpu", new StressFault.CpuStress(1, 50));
        assertThat(h.description()).endsWith("(" + (engine == Engine.STRESS_NG ? "stress-ng" : "built-in") + ")");
        Thread.sleep(700); // the built-in stressor's JVM starts up
        double cores = StressMeter.rate(h, StressMeter::cpuTicks, 2_000) / 100.0; // USER_HZ is 100 on Linux
        assertThat(cores).as("cores used by one worker at 50%").isBetween(0.3, 0.75);
        b.revert(h);
        assertThat(StressFaults.stressors(h)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void memoryStressHoldsWhatWasAskedForAndReleasesItOnRevert(Engine engine) throws Exception {
        LocalBackend b = backend(engine);
        long asked = 64L << 20;
        FaultHandle h = inject(b, "mem", new StressFault.MemoryStress(asked));
        long rss = 0;
        for (int i = 0; i < 100 && rss < asked; i++) {
            Thread.sleep(50);
            rss = StressMeter.sum(h, StressMeter::residentBytes);
        }
        assertThat(rss).as("resident memory of the stressor").isBetween(asked, asked + (200L << 20));
        b.revert(h);
        assertThat(StressFaults.stressors(h)).isEmpty();
    }

    @Test
    void memoryGrowsAtTheRateAskedForAndStopsAtTheSize() throws Exception {
        LocalBackend b = backend(Engine.BUILT_IN);
        long asked = 160 * MB;
        long start = System.nanoTime();
        FaultHandle h = inject(b, "grow", new StressFault.MemoryStress(asked, 40 * MB));
        Thread.sleep(800); // the stressor's JVM starts up
        assertThat(StressMeter.rate(h, StressMeter::residentBytes, 2_000)).as("bytes a second the resident memory grows")
                .isBetween(26e6, 54e6);
        long rss = 0;
        for (int i = 0; i < 200 && rss < asked; i++) {
            Thread.sleep(50);
            rss = StressMeter.sum(h, StressMeter::residentBytes);
        }
        assertThat(rss).isGreaterThanOrEqualTo(asked);
        assertThat((System.nanoTime() - start) / 1e9).as("seconds to hold 160 MB at 40 MB/s, on top of the JVM's own")
                .isBetween(2.5, 8.0);
        Thread.sleep(500);
        assertThat(StressMeter.sum(h, StressMeter::residentBytes)).as("never more than asked").isLessThan(asked + (200L << 20));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void diskWritesReachTheDisk(Engine engine) throws Exception {
        LocalBackend b = backend(engine);
        FaultHandle h = inject(b, "disk", new StressFault.DiskStress(32 * MB));
        Thread.sleep(700);
        assertThat(StressMeter.rate(h, p -> StressMeter.io(p, "write_bytes"), 1_000)).as("bytes written a second").isGreaterThan(5e6);
    }

    @Test
    void diskWritesKeepToTheThroughput() throws Exception {
        LocalBackend b = backend(Engine.BUILT_IN);
        FaultHandle h = inject(b, "slow-writes", new StressFault.DiskStress(32 * MB, StressFault.DiskIo.WRITE, 20 * MB, ""));
        Thread.sleep(1_000);
        assertThat(StressMeter.rate(h, p -> StressMeter.io(p, "write_bytes"), 2_000)).as("bytes written a second at 20 MB/s")
                .isBetween(13e6, 27e6);
    }

    @Test
    void diskReadsBypassThePageCacheAtTheThroughput() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        assumeTrue(DiskStressor.directIoWorks(tmp), tmp + " refuses direct I/O");
        LocalBackend b = backend(Engine.BUILT_IN);
        FaultHandle h = inject(b, "reads", new StressFault.DiskStress(16 * MB, StressFault.DiskIo.READ, 30 * MB, ""));
        assertThat(h.description()).contains("reads bypass the page cache");
        Thread.sleep(1_500);
        assertThat(StressMeter.rate(h, p -> StressMeter.io(p, "read_bytes"), 2_000)).as("bytes read from the disk a second at 30 MB/s")
                .isBetween(20e6, 40e6);
    }

    @Test
    void fillHoldsTheSpaceUntilRevertedAndLeavesNoFile() throws Exception {
        LocalBackend b = backend(Engine.BUILT_IN);
        long asked = 48 * MB;
        FaultHandle h = inject(b, "fill", new StressFault.DiskStress(asked, StressFault.DiskIo.FILL, 0, ""));
        long held = 0;
        for (int i = 0; i < 100 && held < asked; i++) {
            Thread.sleep(50);
            held = StressMeter.sum(h, StressMeter::deletedFileBytes);
        }
        assertThat(held).as("bytes in the stressor's unlinked file").isEqualTo(asked);
        Thread.sleep(300);
        assertThat(StressMeter.rate(h, p -> StressMeter.io(p, "write_bytes"), 500)).as("written once, then held").isLessThan(1e6);
        b.revert(h);
        assertThat(StressFaults.stressors(h)).isEmpty();
    }

    @Test
    void aNewBackendStopsAStressNgStressorFromTheHandleAlone() throws Exception {
        LocalBackend b = backend(Engine.STRESS_NG);
        FaultHandle h = inject(b, "orphan", new StressFault.MemoryStress(32 * MB));
        List<ProcessHandle> workers = StressFaults.stressors(h).stream().flatMap(ProcessHandle::descendants).toList();
        assertThat(workers).as("stress-ng's workers").isNotEmpty();
        LocalBackend afterCrash = backend(Engine.BUILT_IN);
        afterCrash.revert(h);
        assertThat(StressFaults.stressors(h)).isEmpty();
        for (ProcessHandle w : workers) {
            w.onExit().get(5, TimeUnit.SECONDS);
        }
        assertThat(workers).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void whatAStressorCannotDoIsRefusedBeforeAnythingStarts() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        if (StressCommand.findStressNg().isPresent()) {
            LocalBackend ng = backend(Engine.STRESS_NG);
            assertThatThrownBy(() -> ng.prepare(new FaultRequest("run1", "g", new StressFault.MemoryStress(64 * MB, 8 * MB), HOST,
                    1.0, Duration.ofSeconds(5)))).hasMessageContaining("stress-ng cannot make 'memory stress, 64 MB growing 8 MB/s'");
        }
        LocalBackend b = backend(Engine.BUILT_IN);
        assertThatThrownBy(() -> b.prepare(new FaultRequest("run1", "huge", new StressFault.MemoryStress(1L << 40), HOST,
                1.0, Duration.ofSeconds(5)))).hasMessageContaining("MB available");
        assertThatThrownBy(() -> b.prepare(new FaultRequest("run1", "nodir", new StressFault.DiskStress(10 * MB,
                StressFault.DiskIo.WRITE, 0, tmp.resolve("no-such-dir").toString()), HOST, 1.0, Duration.ofSeconds(5))))
                .hasMessageContaining("no-such-dir' is not one");
    }
}
