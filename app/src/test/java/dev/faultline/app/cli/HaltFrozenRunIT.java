package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped with SIGSTOP while its fault is in: it can neither answer nor revert, and it hosts
 * the database. {@code recover --list} must show its fault, and {@code faultline halt --wait 5s}
 * must come back within its bound having reverted the fault from the journal; resumed, the run must
 * take up the halt and not inject again.
 */
@ForkSandbox.Indifferent
class HaltFrozenRunIT {
    @TempDir
    Path home;

    @TempDir
    Path runtime;

    private long runPid = -1;

    private Map<String, String> rendezvous() {
        return Map.of("FAULTLINE_RUNTIME_DIR", runtime.resolve("rv").toString());
    }

    @AfterEach
    void resumeAndRecover() throws Exception {
        if (runPid > 0 && Signals.state(runPid) == 'T') {
            Signals.send("CONT", runPid);
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void haltRevertsTheFaultOfAStoppedRunWithinItsBound() throws Exception {
        try (PausedSleeper target = new PausedSleeper(runtime);
                ChildFaultline run = ChildFaultline.start(home, rendezvous(), "run", target.runbook.toString())) {
            assertThat(run.awaitOutput("injected process", Duration.ofSeconds(90)))
                    .as("%s", run.output())
                    .isTrue();
            long payment = target.pid();
            runPid = run.process.pid();
            Signals.send("STOP", runPid);
            assertThat(Signals.awaitState(runPid, 'T', 5_000)).isTrue();
            assertThat(Signals.state(payment))
                    .as("the target is paused by the frozen run")
                    .isEqualTo('T');

            try (ChildFaultline list = ChildFaultline.start(home, rendezvous(), "recover", "--list")) {
                assertThat(list.process.waitFor(60, TimeUnit.SECONDS))
                        .as("recover --list returns; %s", list.output())
                        .isTrue();
                assertThat(list.output())
                        .contains("left behind: ")
                        .contains("sleeper.pid")
                        .contains("pid " + runPid + " is stopped (SIGSTOP)");
            }

            long started = System.nanoTime();
            try (ChildFaultline halt =
                    ChildFaultline.start(home, rendezvous(), "halt", "--reason", "frozen drill", "--wait", "5s")) {
                boolean returned = halt.process.waitFor(30, TimeUnit.SECONDS);
                long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertThat(returned)
                        .as("halt --wait 5s returns within 30 s while the run is stopped; so far: %s", halt.output())
                        .isTrue();
                System.out.println("halt --wait 5s with a stopped run took " + took + " ms");
                assertThat(halt.output())
                        .contains("pid " + runPid + " (home " + home + "): is stopped (SIGSTOP)")
                        .contains("pid " + runPid + " is stopped (SIGSTOP): reverted its 1 fault(s) from the journal")
                        .contains("all faults reverted");
                assertThat(halt.process.exitValue()).isZero();
            }
            assertThat(Signals.state(payment)).as("the target runs again").isNotEqualTo('T');

            Signals.send("CONT", runPid);
            assertThat(run.process.waitFor(60, TimeUnit.SECONDS))
                    .as("resumed, the run ends; %s", run.output())
                    .isTrue();
            assertThat(run.output()).contains("HALTED").contains("frozen drill");
            assertThat(Signals.state(payment))
                    .as("resumed, the run did not pause the target again")
                    .isNotEqualTo('T');
        }
    }
}
