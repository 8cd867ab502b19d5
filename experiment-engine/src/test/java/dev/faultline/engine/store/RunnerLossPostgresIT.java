package dev.faultline.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.testkit.PostgresCluster.TestDatabase;
import dev.faultline.engine.testkit.ThrowawayPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runner that is lost (killed with kill -9) leaves its run RUNNING only until someone sees its
 * heartbeat stale past {@link RunnerLoss#AFTER}: then the run is ABANDONED for everyone, once, with a
 * "runner lost" event and an audit entry of who marked it. A runner that is only slow is never
 * overwritten for good: its next beat takes the run back (RUNNING again), and its own end replaces
 * the mark.
 */
@ExtendWith(ThrowawayPostgres.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RunnerLossPostgresIT {
    @TempDir
    Path dir;

    private BufferedReader reader;

    @Test
    void aKilledRunnersRunIsAbandonedOnceWithWhoMarkedIt(TestDatabase db) throws Exception {
        try (FaultlineStore other = FaultlineStore.openShared(db.settings(dir.resolve("pw")))) {
            Process runner = start(db, 120);
            try {
                String runId = awaitLine(runner, "injected ");
                assertThat(RunnerLoss.sweep(other, null, Duration.ofSeconds(3)))
                        .as("a runner that beats is not lost")
                        .isEmpty();
                runner.destroyForcibly();
                assertThat(runner.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(RunnerLoss.sweep(other, null, Duration.ofSeconds(30)))
                        .as("not before the silence")
                        .isEmpty();
                List<RunnerLoss.Lost> lost = awaitLost(other, Duration.ofSeconds(3));
                assertThat(lost).singleElement().satisfies(l -> {
                    assertThat(l.runId()).isEqualTo(runId);
                    assertThat(l.pid()).isEqualTo(runner.pid());
                });
                assertThat(RunnerLoss.sweep(other, null, Duration.ZERO))
                        .as("marked once")
                        .isEmpty();
                RunRecord run = other.findRun(runId).orElseThrow();
                assertThat(run.status()).isEqualTo(RunnerLoss.ABANDONED);
                assertThat(run.endedAt()).isEqualTo(lost.get(0).lastBeat());
                assertThat(run.summary()).contains("runner lost").contains(db.user() + "@");
                assertThat(other.events(runId))
                        .filteredOn(e -> e.type().equals(RunnerLoss.EVENT))
                        .singleElement()
                        .satisfies(e -> assertThat(e.text()).contains("marked ABANDONED by " + db.user()));
                assertThat(other.audit().about(List.of(runId)))
                        .extracting(AuditTrail.Entry::action)
                        .containsExactly("run started", "run abandoned");
                assertThat(RunnerLoss.abandonedHolding(other))
                        .as("its fault is still held: reverted by its machine or from another desktop")
                        .containsExactly(runId);
                // the report: the mark and who made it on the timeline
                assertThat(new dev.faultline.engine.report.ReportAssembler(other, java.time.Clock.systemUTC())
                                .assemble(runId, java.time.ZoneOffset.UTC)
                                .timeline())
                        .anySatisfy(t -> assertThat(t.text())
                                .contains("run abandoned")
                                .contains("runner lost")
                                .contains("marked by " + db.user() + "@"));
                // a follower goes on while the abandoned run holds a fault: a revert from elsewhere is news
                try (RunFollower f = RunFollower.follow(other, runId, c -> {})) {
                    assertThat(f.awaitEnd(Duration.ofSeconds(3)))
                            .as("not over while its fault is held")
                            .isFalse();
                    JournalMirror.HeldFault held =
                            JournalMirror.held(other, runId).get(0);
                    JournalMirror.revertedFromHere(other, held, "reverted by hand for the test");
                    assertThat(f.awaitEnd(Duration.ofSeconds(20)))
                            .as("over once nothing is held")
                            .isTrue();
                    assertThat(other.events(runId)).last().satisfies(e -> {
                        assertThat(e.type()).isEqualTo("fault-reverted");
                        assertThat(e.text())
                                .isEqualTo(JournalMirror.revertedLine(
                                        held.step(), db.user() + "@" + ThisMachine.name(), held.description()));
                    });
                }
            } finally {
                runner.destroyForcibly();
            }
        }
    }

    @Test
    void aSlowRunnerTakesItsRunBackAndItsOwnEndWins(TestDatabase db) throws Exception {
        try (FaultlineStore other = FaultlineStore.openShared(db.settings(dir.resolve("pw")))) {
            Process runner = start(db, 6);
            try {
                String runId = awaitLine(runner, "injected ");
                // as if its beats had been late: judged lost on a beat the runner then replaces
                assertThat(RunnerLoss.sweep(other, runId, Duration.ZERO)).hasSize(1);
                assertThat(other.findRun(runId).orElseThrow().status()).isEqualTo(RunnerLoss.ABANDONED);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!other.findRun(runId).orElseThrow().status().equals("RUNNING") && System.nanoTime() < until) {
                    Thread.sleep(100);
                }
                assertThat(other.findRun(runId).orElseThrow().status())
                        .as("its next beat takes it back")
                        .isEqualTo("RUNNING");
                assertThat(awaitLine(runner, "ended ")).isEqualTo(runId);
                assertThat(runner.waitFor(40, TimeUnit.SECONDS)).isTrue();
                RunRecord run = other.findRun(runId).orElseThrow();
                assertThat(run.status()).as("its own end").isNotIn("RUNNING", RunnerLoss.ABANDONED);
                assertThat(other.events(runId))
                        .extracting(EventRecord::type)
                        .contains(RunnerLoss.EVENT, "runner-back")
                        .endsWith("run-finished");
                assertThat(other.audit().about(List.of(runId)))
                        .extracting(AuditTrail.Entry::action)
                        .containsExactly("run started", "run abandoned", "runner back");
            } finally {
                runner.destroyForcibly();
            }
        }
    }

    private List<RunnerLoss.Lost> awaitLost(FaultlineStore store, Duration after) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            List<RunnerLoss.Lost> lost = RunnerLoss.sweep(store, null, after);
            if (!lost.isEmpty()) {
                return lost;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no run was marked ABANDONED");
    }

    private Process start(TestDatabase db, int faultSeconds) throws Exception {
        return new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        RunnerProcess.class.getName(),
                        dir.resolve("runner-home").toString(),
                        db.url(),
                        db.user(),
                        dir.resolve("pw").toString(),
                        String.valueOf(faultSeconds))
                .redirectError(dir.resolve("runner.err").toFile())
                .start();
    }

    private String awaitLine(Process p, String prefix) throws Exception {
        if (reader == null) {
            reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            String line = reader.readLine();
            if (line == null) {
                break;
            }
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).strip();
            }
        }
        throw new AssertionError(
                "the runner never said '" + prefix + "': " + Files.readString(dir.resolve("runner.err")));
    }
}
