package dev.faultline.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.testkit.PostgresCluster.TestDatabase;
import dev.faultline.engine.testkit.ThrowawayPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the runner's desktop dies: a runner process (the engine's runner, the store's recorder, the
 * journal mirrored) injects a fault and is killed with kill -9; another desktop's store sees that
 * the runner stopped answering within a bounded silence, and which fault its journal still holds,
 * local to the runner's machine. A run that ends cleanly leaves no heartbeat and no held fault.
 */
@ExtendWith(ThrowawayPostgres.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS) // bounds the blocking reads of the runner's output too
class RunnerHeartbeatPostgresIT {
    @TempDir
    Path dir;

    @Test
    void aRunnerKilledMidRunStopsAnsweringAndItsHeldFaultIsShown(TestDatabase db) throws Exception {
        SharedStoreSettings settings = db.settings(dir.resolve("pw"));
        try (FaultlineStore follower = FaultlineStore.openShared(settings)) {
            Process runner = start(db, 120);
            try {
                String runId = awaitLine(runner, "injected ");
                Optional<RunHeartbeat.Runner> alive = RunHeartbeat.of(follower, runId);
                assertThat(alive).hasValueSatisfying(r -> {
                    assertThat(r.answering()).isTrue();
                    assertThat(r.pid()).isEqualTo(runner.pid());
                });
                List<JournalMirror.HeldFault> held = JournalMirror.held(follower, runId);
                assertThat(held).singleElement().satisfies(f -> {
                    assertThat(f.state()).isEqualTo("injected");
                    assertThat(f.backend()).isEqualTo("simulated");
                    assertThat(f.reachable()).isFalse();
                    assertThat(f.host()).isEqualTo(alive.get().host());
                });

                runner.destroyForcibly(); // SIGKILL: no revert, no goodbye
                assertThat(runner.waitFor(10, TimeUnit.SECONDS)).isTrue();
                Instant killed = Instant.now();

                RunHeartbeat.Runner silent = awaitSilent(follower, runId, Duration.ofSeconds(20));
                Duration noticed = Duration.between(killed, Instant.now());
                assertThat(silent.silentFor()).isGreaterThanOrEqualTo(RunHeartbeat.SILENCE);
                // bounded: the silence plus a beat and the polling here
                assertThat(noticed).isLessThan(RunHeartbeat.SILENCE.plusSeconds(3));
                assertThat(JournalMirror.held(follower, runId))
                        .extracting(JournalMirror.HeldFault::faultId)
                        .containsExactlyElementsOf(held.stream()
                                .map(JournalMirror.HeldFault::faultId)
                                .toList());
                assertThat(follower.findRun(runId))
                        .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo("RUNNING"));
            } finally {
                runner.destroyForcibly();
            }
        }
    }

    @Test
    void aRunThatEndsLeavesNoHeartbeatAndNoHeldFault(TestDatabase db) throws Exception {
        SharedStoreSettings settings = db.settings(dir.resolve("pw"));
        try (FaultlineStore follower = FaultlineStore.openShared(settings)) {
            Process runner = start(db, 1);
            try {
                String runId = awaitLine(runner, "injected ");
                assertThat(RunHeartbeat.of(follower, runId)).isPresent();
                assertThat(awaitLine(runner, "ended ")).isEqualTo(runId);
                assertThat(runner.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(RunHeartbeat.of(follower, runId)).isEmpty();
                assertThat(JournalMirror.held(follower, runId)).isEmpty();
                assertThat(follower.audit().about(List.of(runId)))
                        .extracting(AuditTrail.Entry::action, AuditTrail.Entry::login)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("run started", db.user()));
                // the report shows it on the timeline
                assertThat(new dev.faultline.engine.report.ReportAssembler(follower, java.time.Clock.systemUTC())
                                .assemble(runId, java.time.ZoneOffset.UTC)
                                .timeline())
                        .anySatisfy(t -> {
                            assertThat(t.type()).isEqualTo("audit");
                            assertThat(t.text()).startsWith(db.user() + "@").contains("run started");
                        });
            } finally {
                runner.destroyForcibly();
            }
        }
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

    private BufferedReader reader;

    /** The rest of the first line of the runner's output that starts with {@code prefix}, within 60 s. */
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
                "the runner never said '" + prefix + "': " + java.nio.file.Files.readString(dir.resolve("runner.err")));
    }

    private static RunHeartbeat.Runner awaitSilent(FaultlineStore store, String runId, Duration within)
            throws Exception {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            Optional<RunHeartbeat.Runner> r = RunHeartbeat.of(store, runId);
            if (r.isPresent() && !r.get().answering()) {
                return r.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the runner of " + runId + " still seemed to answer after " + within);
    }
}
