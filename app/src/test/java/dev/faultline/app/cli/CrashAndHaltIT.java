package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the fault journal and the shutdown hook are for, with real processes: a Faultline killed with
 * SIGKILL right after pausing the payment process, and one stopped with SIGTERM. The kill switch
 * pressed from another terminal is {@link HaltFromAnotherTerminalIT}'s (a class of its own, so that
 * it can run in another fork at the same time). The SIGKILLed run starts a sandbox of its own (what
 * {@code recover} does with a sandbox left behind is part of the test); the SIGTERMed one runs on the
 * fork's sandbox ({@link ForkSandbox}).
 */
@ForkSandbox.Shared
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the fork's sandbox first, then stopped: one start less
class CrashAndHaltIT {
    @TempDir
    Path home;

    private static char state(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    @Test
    @Order(2)
    void aFaultLeftBySigkillIsRevertedByTheNextStart() throws Exception {
        ForkSandbox.stop(); // the run starts its own, which the crash leaves behind
        long payment;
        try {
            try (ChildFaultline run = ChildFaultline.start(home, "run", Cli.runbook("payment-pause-recovers.yaml"))) {
                assertThat(run.awaitOutput("injected process", Duration.ofSeconds(150)))
                        .as("%s", run.output())
                        .isTrue();
                payment = Long.parseLong(Files.readString(home.resolve("sandbox/sandbox-payment.pid"))
                        .strip());
                run.process.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback
                assertThat(run.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(state(payment))
                    .as("the payment process stays frozen after the crash")
                    .isEqualTo('T');

            Cli recover = Cli.run(home, "recover");

            assertThat(recover.exit()).as(recover.out() + recover.err()).isZero();
            assertThat(recover.out())
                    .contains("reverted a fault left behind by a crashed Faultline")
                    .contains("confirmed gone")
                    .contains("stopped sandbox-payment")
                    .contains("marked CRASHED");
            assertThat(ProcessHandle.of(payment).map(ProcessHandle::isAlive).orElse(false))
                    .as("the left-behind sandbox is stopped")
                    .isFalse();
            assertThat(Cli.run(home, "recover").out()).contains("nothing to recover");
        } finally {
            // when an assertion failed, the killed child's sandbox (or its frozen payment process) is
            // left: stopped here, not left on the fork's ports for the next class
            Cli.run(home, "recover");
        }
    }

    @Test
    @Order(1)
    void sigtermDuringARunRevertsTheFaultBeforeTheProcessExits() throws Exception {
        long payment = ForkSandbox.pid("sandbox-payment");
        try {
            try (ChildFaultline run = ChildFaultline.start(home, "run", Cli.runbook("payment-pause-recovers.yaml"))) {
                assertThat(run.awaitOutput("injected process", Duration.ofSeconds(150)))
                        .as("%s", run.output())
                        .isTrue();
                assertThat(run.output()).contains("using the sandbox that is already running");
                assertThat(state(payment)).isEqualTo('T');
                run.process.destroy(); // SIGTERM, as Ctrl-C: the shutdown hook halts the run
                assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(run.output())
                        .contains("HALTED")
                        .contains("interrupted (Ctrl-C or SIGTERM)")
                        .contains("confirmed gone");
            }
            Cli recover = Cli.run(home, "recover");
            assertThat(recover.out()).doesNotContain("sandbox left behind").doesNotContain("CRASHED");
            assertThat(state(payment)).as("the payment process runs again").isNotEqualTo('T');
            assertThat(Cli.run(home, "runs").out()).contains("HALTED").contains("payment-pause-recovers");
        } finally {
            // when an assertion failed, the killed child's sandbox (or its frozen payment process) is
            // left: stopped here, not left on the fork's ports for the next class
            Cli.run(home, "recover");
        }
    }
}
