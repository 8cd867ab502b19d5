package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faultline halt} reaches every Faultline of the user, not only those sharing its
 * FAULTLINE_HOME: a run in home A, halted by {@code faultline halt} run with home B, both real
 * processes meeting in one halt rendezvous of the test's own.
 */
@ForkSandbox.Indifferent
class HaltAcrossHomesIT {
    @TempDir
    Path homeA;

    @TempDir
    Path homeB;

    @TempDir
    Path runtime;

    private Map<String, String> rendezvous() {
        return Map.of("FAULTLINE_RUNTIME_DIR", runtime.resolve("rv").toString());
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void haltWithAnotherHomeHaltsTheRunAndSaysWhoAnswered() throws Exception {
        try (PausedSleeper target = new PausedSleeper(runtime);
                ChildFaultline run = ChildFaultline.start(homeA, rendezvous(), "run", target.runbook.toString())) {
            assertThat(run.awaitOutput("injected process", Duration.ofSeconds(90)))
                    .as("%s", run.output())
                    .isTrue();
            assertThat(Signals.state(target.pid())).as("paused by the run").isEqualTo('T');

            try (ChildFaultline halt = ChildFaultline.start(
                    homeB, rendezvous(), "halt", "--reason", "drill across homes", "--wait", "20s")) {
                assertThat(halt.process.waitFor(60, TimeUnit.SECONDS))
                        .as("halt returns; %s", halt.output())
                        .isTrue();
                assertThat(halt.output())
                        .contains("KILL SWITCH ENGAGED")
                        .contains("pid " + run.process.pid() + " (home " + homeA + "): halted; reverted its 1 fault(s),"
                                + " all confirmed gone")
                        .contains("all faults reverted");
                assertThat(halt.process.exitValue()).isZero();
            }

            assertThat(run.process.waitFor(60, TimeUnit.SECONDS))
                    .as("%s", run.output())
                    .isTrue();
            assertThat(run.output())
                    .contains("HALTED")
                    .contains("drill across homes")
                    .contains("confirmed gone");
            assertThat(run.process.exitValue()).isEqualTo(1);
            assertThat(Signals.state(target.pid())).as("running again").isNotEqualTo('T');
        }
        // The run latched its own home as well: a later run there is refused until released there.
        try (PausedSleeper target = new PausedSleeper(Files.createDirectory(runtime.resolve("again")));
                ChildFaultline refused = ChildFaultline.start(homeA, rendezvous(), "run", target.runbook.toString())) {
            assertThat(refused.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(refused.output()).contains("the kill switch is engaged");
        }
        assertThat(Cli.run(homeA, "release", "--reason", "drill over").out()).contains("kill switch released");
    }
}
