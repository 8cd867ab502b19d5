package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.store.FaultlineStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that need neither backends nor the kill switch do not wire the engine: {@code validate},
 * {@code report} and {@code runs} open no halt socket (its rendezvous folder is never made), while a
 * command that wires it ({@code environments}) does. Each in a JVM of its own, as a script runs it.
 */
@ForkSandbox.Indifferent
class LeanCommandsIT {
    @TempDir
    Path dir;

    private int run(Path home, Path rendezvous, String... args) throws Exception {
        try (ChildFaultline c =
                ChildFaultline.start(home, Map.of("FAULTLINE_RUNTIME_DIR", rendezvous.toString()), args)) {
            assertThat(c.process.waitFor(120, TimeUnit.SECONDS))
                    .as("%s finishes", args[0])
                    .isTrue();
            return c.process.exitValue();
        }
    }

    @Test
    void validateReportAndRunsOpenNoHaltSocketWhileEnvironmentsDoes() throws Exception {
        FaultlineHome home = new FaultlineHome(dir.resolve("home"));
        home.makePrivate();
        try (FaultlineStore store = FaultlineStore.open(home.database())) {
            RecordedRuns.oneRun(store, home, "a-run");
        }
        Path rendezvous = dir.resolve("rendezvous");

        assertThat(run(home.root(), rendezvous, "validate", Cli.runbook("payment-latency-holds.yaml")))
                .isZero();
        Path md = dir.resolve("a-run.md");
        assertThat(run(home.root(), rendezvous, "report", "a-run", "--format", "md", "-o", md.toString()))
                .isZero();
        assertThat(Files.readString(md)).contains("payment-latency-holds");
        assertThat(run(home.root(), rendezvous, "runs", "-n", "1")).isZero();
        assertThat(rendezvous).as("no halt socket was opened").doesNotExist();

        assertThat(run(home.root(), rendezvous, "environments", "--no-check")).isZero();
        assertThat(rendezvous)
                .as("the engine, when wired, opens its halt socket there")
                .isDirectory();
    }
}
