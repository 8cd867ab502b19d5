package dev.faultline.plugin.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.plugin.local.stress.DiskStressor;
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
            assertThat(StressFaults.stressors(h))
                    .as("stressors of " + h.description())
                    .isEmpty();
        }
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.map(Path::toString).filter(p -> p.contains("faultline-disk-stress-")))
                    .isEmpty();
        }
    }

    enum Engine {
        BUILT_IN,
        STRESS_NG
    }

    private LocalBackend backend(Engine engine) {
        if (engine == Engine.STRESS_NG) {
            if (System.getenv("CI") != null) {
                assertThat(StressCommand.findStressNg())
                        .as("stress-ng on CI (scripts/test installs it)")
                        .isPresent();
            }
            assumeTrue(StressCommand.findStressNg().isPresent(), "stress-ng is not installed");
        }
        LocalBackend b = new LocalBackend(
                "http://127.0.0.1:1",
                engine == Engine.STRESS_NG ? StressCommand.Choice.STRESS_NG : StressCommand.Choice.BUILT_IN);
        backends.add(b);
        return b;
    }

    private static final Duration POLL = Duration.ofMillis(50);

    /** Waits (at most 10 s) until the stressors are at work, so a rate measured next is not the JVM's start. */
    private static void awaitWorking(FaultHandle h) {
        await("the stressors of " + h.description() + " at work")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(POLL)
                .until(() -> StressMeter.working(h));
    }

    /** Waits (at most 10 s) until the stressors' /proc/PID/io counter reached {@code atLeast}. */
    private static void awaitCounter(FaultHandle h, String field, long atLeast) {
        await("the stressors of " + h.description() + " at " + atLeast + " " + field)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(POLL)
                .until(() -> StressMeter.sum(h, p -> StressMeter.io(p, field)) >= atLeast);
    }

    private FaultHandle inject(LocalBackend b, String step, Fault fault) throws BackendException {
        FaultRequest r = FaultRequest.atShare("run1", step, fault, HOST, 1.0, Duration.ofSeconds(30));
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
        awaitWorking(h); // the built-in stressor's JVM starts up
        // USER_HZ is 100 on Linux: ticks per second / 100 = cores
        StressMeter.BesideBusy m = StressMeter.rateBesideABusyThread(h, StressMeter::cpuTicks, 2_000);
        double share = m.relative() / 100.0;
        // Half a core, against a spinning thread beside it: a stressor that ignored the share would
        // read about 1.0, one that did nothing about 0. With another module's tests on the second
        // core (scripts/test builds two at once) the spinning thread is starved more than the
        // duty-cycled stressor, and 0.76 was read once; 0.85 keeps both wrong answers out.
        assertThat(share)
                .as("one worker at 50%%: %.2f cores while a spinning thread got %.2f", m.rate() / 100.0, m.busyCores())
                .isBetween(0.3, 0.85);
        b.revert(h);
        assertThat(StressFaults.stressors(h)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void memoryStressHoldsWhatWasAskedForAndReleasesItOnRevert(Engine engine) throws Exception {
        LocalBackend b = backend(engine);
        long asked = 64L << 20;
        FaultHandle h = inject(b, "mem", new StressFault.MemoryStress(asked));
        long rss = await("the stressor holds " + asked + " bytes")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(POLL)
                .until(() -> StressMeter.sum(h, StressMeter::residentBytes), held -> held >= asked);
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
        // The stressor's JVM starts up (about 40 MB resident with -Xmx32m), then takes its first blocks: the
        // rate is measured from 80 MB on, a second of growth, which leaves two more before 160 MB.
        await("the stressor's memory grows past 80 MB")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(POLL)
                .until(() -> StressMeter.sum(h, StressMeter::residentBytes) >= 80 * MB);
        assertThat(StressMeter.rate(h, StressMeter::residentBytes, 2_000))
                .as("bytes a second the resident memory grows")
                .isBetween(26e6, 54e6);
        await("the stressor holds 160 MB")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(POLL)
                .until(() -> StressMeter.sum(h, StressMeter::residentBytes) >= asked);
        assertThat((System.nanoTime() - start) / 1e9)
                .as("seconds to hold 160 MB at 40 MB/s, on top of the JVM's own")
                .isBetween(2.5, 8.0);
        Thread.sleep(500); // not a wait: half a second in which the memory must not grow past the size
        assertThat(StressMeter.sum(h, StressMeter::residentBytes))
                .as("never more than asked")
                .isLessThan(asked + (200L << 20));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void diskWritesReachTheDisk(Engine engine) throws Exception {
        LocalBackend b = backend(engine);
        FaultHandle h = inject(b, "disk", new StressFault.DiskStress(32 * MB));
        awaitCounter(h, "write_bytes", 1);
        assertThat(StressMeter.rate(h, p -> StressMeter.io(p, "write_bytes"), 1_000))
                .as("bytes written a second")
                .isGreaterThan(5e6);
    }

    @Test
    void diskWritesKeepToTheThroughput() throws Exception {
        LocalBackend b = backend(Engine.BUILT_IN);
        FaultHandle h =
                inject(b, "slow-writes", new StressFault.DiskStress(32 * MB, StressFault.DiskIo.WRITE, 20 * MB, ""));
        awaitCounter(h, "write_bytes", 1);
        assertThat(StressMeter.rate(h, p -> StressMeter.io(p, "write_bytes"), 2_000))
                .as("bytes written a second at 20 MB/s")
                .isBetween(13e6, 27e6);
    }

    @Test
    void diskReadsBypassThePageCacheAtTheThroughput() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        assumeTrue(DiskStressor.directIoWorks(tmp), tmp + " refuses direct I/O");
        LocalBackend b = backend(Engine.BUILT_IN);
        FaultHandle h = inject(b, "reads", new StressFault.DiskStress(16 * MB, StressFault.DiskIo.READ, 30 * MB, ""));
        assertThat(h.description()).contains("reads bypass the page cache");
        // the stressor first writes the file it reads, then reads it back: measured once 4 MB were read
        awaitCounter(h, "read_bytes", 4 * MB);
        assertThat(StressMeter.rate(h, p -> StressMeter.io(p, "read_bytes"), 2_000))
                .as("bytes read from the disk a second at 30 MB/s")
                .isBetween(20e6, 40e6);
    }

    @Test
    void fillHoldsTheSpaceUntilRevertedAndLeavesNoFile() throws Exception {
        LocalBackend b = backend(Engine.BUILT_IN);
        long asked = 48 * MB;
        FaultHandle h = inject(b, "fill", new StressFault.DiskStress(asked, StressFault.DiskIo.FILL, 0, ""));
        long held = await("the stressor's unlinked file holds " + asked + " bytes")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(POLL)
                .until(() -> StressMeter.sum(h, StressMeter::deletedFileBytes), bytes -> bytes >= asked);
        assertThat(held).as("bytes in the stressor's unlinked file").isEqualTo(asked);
        Thread.sleep(300); // not a wait: the last writes' accounting settles before "written once" is measured
        assertThat(StressMeter.rate(h, p -> StressMeter.io(p, "write_bytes"), 500))
                .as("written once, then held")
                .isLessThan(1e6);
        b.revert(h);
        assertThat(StressFaults.stressors(h)).isEmpty();
    }

    @Test
    void aNewBackendStopsAStressNgStressorFromTheHandleAlone() throws Exception {
        LocalBackend b = backend(Engine.STRESS_NG);
        FaultHandle h = inject(b, "orphan", new StressFault.MemoryStress(32 * MB));
        List<ProcessHandle> workers = StressFaults.stressors(h).stream()
                .flatMap(ProcessHandle::descendants)
                .toList();
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
            assertThatThrownBy(() -> ng.prepare(FaultRequest.atShare(
                            "run1",
                            "g",
                            new StressFault.MemoryStress(64 * MB, 8 * MB),
                            HOST,
                            1.0,
                            Duration.ofSeconds(5))))
                    .hasMessageContaining("stress-ng cannot make 'memory stress, 64 MB growing 8 MB/s'");
        }
        LocalBackend b = backend(Engine.BUILT_IN);
        assertThatThrownBy(() -> b.prepare(FaultRequest.atShare(
                        "run1", "huge", new StressFault.MemoryStress(1L << 40), HOST, 1.0, Duration.ofSeconds(5))))
                .hasMessageContaining("MB available");
        assertThatThrownBy(() -> b.prepare(FaultRequest.atShare(
                        "run1",
                        "nodir",
                        new StressFault.DiskStress(
                                10 * MB,
                                StressFault.DiskIo.WRITE,
                                0,
                                tmp.resolve("no-such-dir").toString()),
                        HOST,
                        1.0,
                        Duration.ofSeconds(5))))
                .hasMessageContaining("no-such-dir' is not one");
    }
}
