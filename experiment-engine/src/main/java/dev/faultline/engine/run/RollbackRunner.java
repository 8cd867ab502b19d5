package dev.faultline.engine.run;

import dev.faultline.engine.command.ProcessTree;
import dev.faultline.engine.model.RollbackAction;
import dev.faultline.engine.spi.run.RollbackResult;
import dev.faultline.engine.spi.run.RunEvent;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the experiment's declared rollbacks, in order, each as {@code sh -c COMMAND} with its
 * timeout. A failing rollback is reported and the next one still runs.
 */
final class RollbackRunner {
    private final RunContext run;

    RollbackRunner(RunContext run) {
        this.run = run;
    }

    void runAll() {
        for (RollbackAction a : run.experiment.rollbacks()) {
            RollbackResult r = runOne(a);
            run.addRollbackResult(r);
            run.emit(new RunEvent.RollbackRan(run.runId, run.now(), r.name(), r.ok(), r.detail()));
        }
    }

    private RollbackResult runOne(RollbackAction a) {
        Instant start = run.now();
        File out = null;
        try {
            out = File.createTempFile("faultline-rollback-", ".log");
            Process p = new ProcessBuilder("sh", "-c", a.command())
                    .redirectErrorStream(true)
                    .redirectOutput(out)
                    .start();
            if (!p.waitFor(a.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.kill(p.toHandle());
                return new RollbackResult(
                        a.name(),
                        false,
                        took(start),
                        "still running after " + dev.faultline.engine.model.Durations.format(a.timeout())
                                + "; stopped. Output: " + tail(out));
            }
            int code = p.exitValue();
            return new RollbackResult(
                    a.name(), code == 0, took(start), (code == 0 ? "done" : "exited with " + code) + tail(out));
        } catch (IOException e) {
            return new RollbackResult(a.name(), false, took(start), "could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RollbackResult(a.name(), false, took(start), "interrupted");
        } finally {
            if (out != null) {
                out.delete();
            }
        }
    }

    private Duration took(Instant start) {
        return Duration.between(start, run.now());
    }

    private static String tail(File f) {
        try {
            List<String> lines = Files.readAllLines(f.toPath(), StandardCharsets.UTF_8);
            return lines.isEmpty()
                    ? ""
                    : ": " + String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
