package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the kill switch is for, with real processes: a sandbox run halted by {@code faultline halt}
 * from another "terminal" reverts its fault, and the switch stays latched, refusing the next run,
 * until it is released. The run uses the fork's sandbox ({@link ForkSandbox}).
 */
@ForkSandbox.Shared
class HaltFromAnotherTerminalIT {
    @TempDir
    Path home;

    @Test
    void haltFromAnotherTerminalHaltsTheRunRevertsItsFaultAndLatchesUntilReleased() throws Exception {
        ForkSandbox.get();
        try {
            try (ChildFaultline run = ChildFaultline.start(home, "run", Cli.runbook("payment-latency-holds.yaml"))) {
                assertThat(run.awaitOutput("injected latency", Duration.ofSeconds(150)))
                        .as("%s", run.output())
                        .isTrue();
                assertThat(run.output()).contains("using the sandbox that is already running");

                Cli halt = Cli.run(home, "halt", "--reason", "drill");

                assertThat(halt.out()).contains("KILL SWITCH ENGAGED").contains("all faults reverted");
                assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(run.process.exitValue()).isEqualTo(1);
                assertThat(run.output()).contains("HALTED").contains("drill").contains("confirmed gone");
            }
            Cli refused = Cli.run(home, "run", Cli.runbook("payment-latency-holds.yaml"));
            assertThat(refused.exit()).isEqualTo(3);
            assertThat(refused.err()).contains("the kill switch is engaged");
            assertThat(Cli.run(home, "release", "--reason", "drill over").out()).contains("kill switch released");
        } finally {
            // when an assertion failed: the child's fault reverted and the latch released, not left to
            // the next class in this fork
            Cli.run(home, "recover");
            Cli.run(home, "release", "--reason", "test over");
        }
    }
}
