package dev.faultline.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.testkit.PostgresCluster;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared store stops, a run goes on and records its start and events, its runner is killed
 * (SIGKILL) before the store is back; the store comes back and the runner's home starts again:
 * the run and every event it recorded are in the store, once each, in the order they happened,
 * and the file that kept them is gone.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class UnsentOnDiskPostgresIT {
    @TempDir
    Path dir;

    @Test
    void eventsKeptWhileTheStoreWasAwayOutliveTheRunnerAndArriveOnceInOrder() throws Exception {
        try (PostgresCluster cluster = PostgresCluster.start()) {
            PostgresCluster.TestDatabase db = cluster.newDatabase();
            db.settings(dir.resolve("pw")); // writes the password file
            Path home = dir.resolve("runner-home");
            Process runner = process("run", home, db, "runner");
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(runner.getInputStream(), StandardCharsets.UTF_8));
            try {
                awaitLine(out, "open", "runner");
                cluster.pgCtl("-m", "fast", "-w", "-t", "30", "stop");
                try (Writer in = new OutputStreamWriter(runner.getOutputStream(), StandardCharsets.UTF_8)) {
                    in.write("go\n");
                }
                List<String> told = new ArrayList<>();
                String runId = null;
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (runId == null && System.nanoTime() < until) {
                    String line = out.readLine();
                    if (line == null) {
                        break;
                    }
                    if (line.startsWith("event ")) {
                        told.add(line.substring(6));
                    } else if (line.startsWith("ended ")) {
                        runId = line.substring(6);
                    }
                }
                assertThat(runId)
                        .as("the run ended: %s", Files.readString(dir.resolve("runner.err")))
                        .isNotNull();
                String endedRun = runId;
                assertThat(told)
                        .startsWith("run-started")
                        .endsWith("run-finished")
                        .hasSizeGreaterThan(4);
                Path kept = home.resolve("unsent-writes").resolve(runner.pid() + ".jsonl");
                awaitLines(kept, told.size() + 1); // the start and every event
                runner.destroyForcibly(); // SIGKILL, the store still away
                assertThat(runner.waitFor(10, TimeUnit.SECONDS)).isTrue();

                cluster.pgCtl(
                        "-o",
                        "-p " + cluster.port(),
                        "-l",
                        cluster.dir().resolve("log").toString(),
                        "-w",
                        "-t",
                        "30",
                        "start");
                Process again = process("recover", home, db, "recover");
                BufferedReader said =
                        new BufferedReader(new InputStreamReader(again.getInputStream(), StandardCharsets.UTF_8));
                List<String> lines = awaitLine(said, "recovered", "recover");
                assertThat(again.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(lines)
                        .anySatisfy(l -> assertThat(l)
                                .startsWith("replayed wrote " + (told.size() + 1) + " record(s) of run " + endedRun));
                assertThat(kept).doesNotExist();

                try (FaultlineStore store = FaultlineStore.openShared(db.settings(dir.resolve("pw")))) {
                    RunRecord run = store.findRun(runId).orElseThrow();
                    assertThat(run.status()).as("its end, kept on disk too").isNotEqualTo("RUNNING");
                    List<EventRecord> events = store.events(runId);
                    assertThat(events).extracting(EventRecord::type).containsExactlyElementsOf(told);
                    assertThat(events)
                            .extracting(EventRecord::seq)
                            .as("once each, in order")
                            .isSorted()
                            .doesNotHaveDuplicates();
                    assertThat(events).extracting(EventRecord::at).isSorted();
                    assertThat(store.audit().about(List.of(runId)))
                            .extracting(AuditTrail.Entry::action)
                            .containsExactly("run started");
                }
                // a second start finds nothing left to write
                Process third = process("recover", home, db, "recover2");
                List<String> more = awaitLine(
                        new BufferedReader(new InputStreamReader(third.getInputStream(), StandardCharsets.UTF_8)),
                        "recovered",
                        "recover2");
                assertThat(more).noneMatch(l -> l.startsWith("replayed"));
                assertThat(third.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                runner.destroyForcibly();
            }
        }
    }

    private Process process(String mode, Path home, PostgresCluster.TestDatabase db, String log) throws Exception {
        return new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OutageRunnerProcess.class.getName(),
                        mode,
                        home.toString(),
                        db.url(),
                        db.user(),
                        dir.resolve("pw").toString())
                .redirectError(dir.resolve(log + ".err").toFile())
                .start();
    }

    /** The lines until one equal to {@code last} (included), within 90 s. */
    private List<String> awaitLine(BufferedReader r, String last, String log) throws Exception {
        List<String> lines = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < until) {
            String line = r.readLine();
            if (line == null) {
                break;
            }
            lines.add(line);
            if (line.equals(last)) {
                return lines;
            }
        }
        throw new AssertionError("the process never said '" + last + "' (said " + lines + "): "
                + Files.readString(dir.resolve(log + ".err")));
    }

    private static void awaitLines(Path file, int n) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long lines = 0;
        while (System.nanoTime() < until) {
            if (Files.exists(file)) {
                try (Stream<String> s = Files.lines(file)) {
                    lines = s.count();
                }
                if (lines >= n) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(file + " holds " + lines + " line(s), not " + n);
    }
}
