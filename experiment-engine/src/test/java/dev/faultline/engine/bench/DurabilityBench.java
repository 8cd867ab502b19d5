package dev.faultline.engine.bench;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.safety.FaultJournal;
import dev.faultline.engine.safety.ProcessOwner;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.RunRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Why the fault journal is a forced file and not H2: a child process records a fault and is
 * killed with SIGKILL the moment it says it did; then the record is looked for. Also the cost of
 * one journal intent (append + fsync). Run: {@code scripts/bench DurabilityBench}.
 */
public final class DurabilityBench {
    private static final int ROUNDS = 20;

    private DurabilityBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 2) {
            child(args[0], Path.of(args[1]));
            return;
        }
        Path dir = Files.createTempDirectory("faultline-durability");
        int h2Lost = 0;
        int journalLost = 0;
        for (int i = 0; i < ROUNDS; i++) {
            Path h2 = dir.resolve("h2-" + i);
            killAfterWrite("h2", h2);
            try (FaultlineStore s = FaultlineStore.open(h2)) {
                h2Lost += s.findRun("r1").isPresent() ? 0 : 1;
            }
            Path journal = dir.resolve("journal-" + i + ".jsonl");
            killAfterWrite("journal", journal);
            journalLost += new FaultJournal(journal, ProcessOwner.current(), Clock.systemUTC())
                            .openFaults()
                            .isEmpty()
                    ? 1
                    : 0;
        }
        FaultJournal j = new FaultJournal(dir.resolve("latency.jsonl"), ProcessOwner.current(), Clock.systemUTC());
        List<Double> micros = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            long t = System.nanoTime();
            j.recordIntent("r", "s" + i, settings(), handle());
            micros.add((System.nanoTime() - t) / 1e3);
        }
        Collections.sort(micros);
        System.out.printf(
                "SIGKILL right after the write returned, %d rounds: H2 commit lost %d times, journal intent lost %d"
                        + " times%njournal intent (append + fsync): p50 %.0f µs, p99 %.0f µs%n",
                ROUNDS, h2Lost, journalLost, micros.get(250), micros.get(494));
    }

    private static void killAfterWrite(String what, Path target) throws Exception {
        Process p = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DurabilityBench.class.getName(),
                        what,
                        target.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && !line.equals("written")) {
                // skip the child's log lines
            }
            p.destroyForcibly(); // SIGKILL
        }
        p.waitFor(10, TimeUnit.SECONDS);
    }

    private static void child(String what, Path target) throws Exception {
        if (what.equals("h2")) {
            FaultlineStore s = FaultlineStore.open(target);
            long e = s.saveExperiment("x", "x", "text", "a".repeat(64));
            s.createRun(new RunRecord("r1", e, "x", "sandbox", "RUNNING", Instant.now(), null, null));
        } else {
            new FaultJournal(target, ProcessOwner.current(), Clock.systemUTC())
                    .recordIntent("r1", "s", settings(), handle());
        }
        System.out.println("written");
        System.out.flush();
        Thread.sleep(60_000);
    }

    private static BackendSettings settings() {
        return new BackendSettings("local", Params.of("proxyApi", "http://127.0.0.1:18474"));
    }

    private static FaultHandle handle() {
        return new FaultHandle("local", "t", "latency on proxy/payments", Params.of("proxy", "payments", "toxic", "t"));
    }
}
