package dev.faultline.engine.run;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.safety.JournalEntry;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.testkit.SimulatedBackend;
import dev.faultline.engine.testkit.SimulatedBackendProvider;
import dev.faultline.engine.testkit.SimulatedProbes;
import dev.faultline.engine.testkit.SimulatedSystem;
import dev.faultline.engine.testkit.SmallTmpfs;
import dev.faultline.engine.testkit.TestRig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run whose FAULTLINE_HOME fills up while its fault is in (a 256 KiB tmpfs, filled for real). */
class RunOnFullDiskIT {
    @TempDir
    Path tmp;

    private final SimulatedSystem system =
            new SimulatedSystem().metric("latency", 100).target("proxy/payments");
    private final SimulatedBackend backend = new SimulatedBackend(system);
    private final List<RunEvent> events = new CopyOnWriteArrayList<>();
    private SmallTmpfs disk;
    private TestRig rig;

    @BeforeEach
    void wire() throws Exception {
        disk = SmallTmpfs.mount(tmp.resolve("home"), "256k");
        rig = new TestRig(
                disk.dir(), List.of(new SimulatedBackendProvider(backend)), List.of(new SimulatedProbes(system)));
    }

    @AfterEach
    void unwire() throws Exception {
        rig.close();
        disk.close();
    }

    private void awaitInjectedMark() throws InterruptedException {
        for (int i = 0;
                i < 200 && rig.journal.openFaults().stream().noneMatch(e -> e.state() == JournalEntry.State.INJECTED);
                i++) {
            Thread.sleep(25);
        }
        assertThat(rig.journal.openFaults())
                .singleElement()
                .extracting(JournalEntry::state)
                .isEqualTo(JournalEntry.State.INJECTED);
    }

    @Test
    void aRevertThatSucceededIsReportedAsSuchWhenTheJournalCannotRecordIt() throws Exception {
        RunHandle h = rig.runner.start(
                experiment()
                        .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                        .fault("slow-payments", 0, Duration.ofSeconds(2), "payments")
                        .build(),
                TestRig.environment(),
                List.of(events::add));
        awaitInjectedMark();
        SmallTmpfs.endJournalBeforePageBoundary(rig.journal.file(), 0);
        disk.fill();

        RunResult r = h.result().get(30, TimeUnit.SECONDS);

        assertThat(system.faultsInEffect()).isZero();
        assertThat(events).noneMatch(e -> e instanceof RunEvent.FaultRevertFailed);
        assertThat(r.faults()).singleElement().satisfies(f -> {
            assertThat(f.confirmedGone()).isTrue();
            assertThat(f.revertedAt()).isNotNull();
            assertThat(f.detail()).doesNotContain("could not revert").contains("fault journal could not record");
        });
        assertThat(rig.active.size()).isZero();
        assertThat(r.outcome()).isEqualTo(RunOutcome.HELD);

        // Once there is room again, the journal catches up: nothing is left listed as open.
        disk.free();
        assertThat(rig.journal.openFaults()).isEmpty();
    }
}
