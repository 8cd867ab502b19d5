package dev.faultline.engine.store;

import static dev.faultline.engine.testkit.ExperimentBuilder.experiment;
import static dev.faultline.engine.testkit.ExperimentBuilder.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.model.Tolerance.Op;
import dev.faultline.engine.spi.run.Impact;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.testkit.SmallTmpfs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose FAULTLINE_HOME fills up before it ends (a 24 MiB tmpfs holding the database, filled
 * for real): its end must be recorded on the next start, never left RUNNING (which the next start
 * marks CRASHED once the process is gone).
 */
class PendingResultsFullDiskIT {
    @TempDir
    Path tmp;

    private SmallTmpfs disk;

    @BeforeEach
    void mount() throws Exception {
        disk = SmallTmpfs.mount(tmp.resolve("home"), "24m");
    }

    @AfterEach
    void unmount() throws Exception {
        disk.close();
    }

    @Test
    void anEndThatFoundTheDiskFullIsRecordedOnTheNextStart() throws Exception {
        Path db = disk.dir().resolve("faultline");
        PendingResults pending = new PendingResults(disk.dir().resolve("pending"));
        Experiment e = experiment()
                .probe(probe("p99", "latency", new Tolerance.Threshold(Op.LT, 200)))
                .fault("slow", 0, Duration.ofSeconds(1), "payments")
                .build();
        String runId = "20261206-full-disk";
        Instant start = Instant.now();

        FaultlineStore store = FaultlineStore.open(db);
        try (RunRecorder recorder =
                new RunRecorder(store, pending, e, "apiVersion: faultline.dev/v1\n", "d".repeat(64))) {
            recorder.onEvent(new RunEvent.RunStarted(runId, start, e.name(), "test", false));
            store.syncToDisk();
            disk.fill(); // a disk-stress fault filling FAULTLINE_HOME during the run
            RunResult r = new RunResult(
                    runId,
                    e.name(),
                    "test",
                    RunOutcome.HELD,
                    "the hypothesis held",
                    start,
                    start.plusSeconds(5),
                    Impact.LOW,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of());
            recorder.onEvent(new RunEvent.RunFinished(runId, start.plusSeconds(5), r));
        }
        disk.free(); // the fill fault is reverted, then the process ends
        store.close();

        FaultlineStore next = FaultlineStore.open(db);
        try {
            PendingResults atNextStart = new PendingResults(disk.dir().resolve("pending"));
            assertThat(atNextStart.recordInto(next)).containsExactly(runId);
            assertThat(next.findRun(runId)).hasValueSatisfying(run -> {
                assertThat(run.status()).isEqualTo("HELD");
                assertThat(run.summary()).contains("the hypothesis held");
            });
            assertThat(next.runsStillMarkedRunning()).isEmpty();
        } finally {
            next.close();
        }
    }
}
