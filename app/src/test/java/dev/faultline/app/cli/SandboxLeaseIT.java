package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.sandbox.SandboxLease;
import dev.faultline.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run at a time on the sandbox, with real {@code faultline run} processes on 127.0.0.1: a second
 * run is refused, naming the first, whatever its FAULTLINE_HOME; the first holds undisturbed; a run
 * killed with {@code kill -9} leaves no lease behind; and a run the kill switch refuses starts no
 * sandbox at all. The first test's runs meet on the fork's sandbox ({@link ForkSandbox}: the lease is
 * taken whoever started the sandbox); the killed runs start their own, which is what they are about.
 */
@ForkSandbox.Shared
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the fork's sandbox first, then stopped: one start less
class SandboxLeaseIT {
    @TempDir
    Path home;

    @TempDir
    Path otherHome;

    @Test
    @Order(1)
    void aSecondRunWhileOneRunsOnTheSandboxIsRefusedNamingItAndTheFirstHoldsUndisturbed() throws Exception {
        // A warm-up of 15 s: the two refusals below, made in this JVM as soon as the warm-up shows, take
        // a second or two, so the first run surely still holds the sandbox while the others try (and
        // holds it on through its baseline, fault, recovery and verification, 15 s more). Its fault is
        // held 5 s, not 20 s: what the test waits for afterwards is only that the run ends undisturbed.
        Path slowStart = Cli.shortenedRunbook(
                home, "payment-latency-holds.yaml", "warmup: 3s", "warmup: 15s", "duration: 20s", "duration: 5s");
        ForkSandbox.get();
        try (ChildFaultline first = ChildFaultline.start(home, "run", slowStart.toString())) {
            assertThat(first.awaitOutput("── WARMUP ──", Duration.ofSeconds(150)))
                    .as("%s", first.output())
                    .isTrue();
            assertThat(first.output()).contains("using the sandbox that is already running");

            Cli sameHome = Cli.run(home, "run", Cli.runbook("payment-outage-halts.yaml"));
            Cli elsewhere = Cli.run(otherHome, "run", Cli.runbook("payment-outage-halts.yaml"));

            for (Cli refused : new Cli[] {sameHome, elsewhere}) {
                assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(ExitCodes.COULD_NOT_RUN);
                assertThat(refused.err())
                        .contains("the sandbox is in use by run ")
                        .contains(" of payment-latency-holds (pid " + first.process.pid() + ", started ")
                        .contains(": wait for it to end, or halt it with faultline halt");
                assertThat(refused.out()).doesNotContain("using the sandbox").doesNotContain("starting the sandbox");
            }
            assertThat(sameHome.err()).doesNotContain("FAULTLINE_HOME");
            assertThat(elsewhere.err()).contains("(its FAULTLINE_HOME is " + home.toAbsolutePath() + ")");

            assertThat(first.process.waitFor(180, TimeUnit.SECONDS)).isTrue();
            // Undisturbed: no outage of the second run tripped its stop condition. (Whether it HELD also
            // depends on the machine's load, which can fail the baseline: that is ABORTED, not HALTED.)
            assertThat(first.output())
                    .contains("═══ ")
                    .doesNotContain("HALTED")
                    .doesNotContain("payments-down")
                    .doesNotContain("breached");
        } finally {
            Cli.run(home, "recover"); // when an assertion failed, the first run was killed: revert its fault
        }
    }

    @Test
    void aRunKilledWithSigkillLeavesNoLeaseBehind() throws Exception {
        ForkSandbox.stop(); // the run starts its own
        try (ChildFaultline run = ChildFaultline.start(home, "run", Cli.runbook("payment-latency-holds.yaml"))) {
            // the lease is taken before the sandbox starts: from pre-flight on, the run surely holds it
            assertThat(run.awaitOutput("── PREFLIGHT ──", Duration.ofSeconds(150)))
                    .as("%s", run.output())
                    .isTrue();
            run.process.destroyForcibly();
            assertThat(run.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (SandboxLease lease = SandboxLease.acquire(SandboxOptions.defaults(home.resolve("sandbox")), "the test")) {
            assertThat(lease).isNotNull();
        } finally {
            Cli.run(home, "recover"); // stops the sandbox the killed run left behind
        }
    }

    @Test
    void aRunKilledWhileItStartsTheSandboxLeavesNothingThatRecoverCannotStop() throws Exception {
        ForkSandbox.stop(); // the run starts its own
        Path sandbox = home.resolve("sandbox");
        long payment;
        try (ChildFaultline run = ChildFaultline.start(home, "run", Cli.runbook("payment-latency-holds.yaml"))) {
            // payment starts first, the database stand-in second: killed then, the sandbox is half started
            assertThat(awaitFile(sandbox.resolve("sandbox-db.pid"), Duration.ofSeconds(60)))
                    .as("%s", run.output())
                    .isTrue();
            payment = Long.parseLong(
                    Files.readString(sandbox.resolve("sandbox-payment.pid")).strip());
            run.process.destroyForcibly();
            assertThat(run.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run.output()).doesNotContain("sandbox up");
        }

        Cli recover = Cli.run(home, "recover");

        try {
            assertThat(awaitGone(payment, Duration.ofSeconds(20)))
                    .as("payment (pid %d) stopped: %s", payment, recover.out() + recover.err())
                    .isTrue();
            assertThat(recover.out()).contains("stopped sandbox-payment (pid " + payment + ")");
            // a service started but not yet recorded when the run was killed is stopped too
            assertThat(awaitNoneMarked(sandbox, Duration.ofSeconds(20)))
                    .as("sandbox services left: %s", recover.out())
                    .isTrue();
        } finally {
            stopLeftovers(sandbox);
        }
    }

    /** Whether, within the time, no process is left that carries this sandbox's mark in its environment. */
    private static boolean awaitNoneMarked(Path sandbox, Duration within) {
        return Eventually.holds(
                within, Duration.ofMillis(100), () -> markedFor(sandbox).isEmpty());
    }

    /** The processes whose environment marks them as services of this sandbox (FAULTLINE_SANDBOX=owner|start|folder). */
    private static List<Long> markedFor(Path sandbox) throws Exception {
        String suffix = "|" + sandbox.toAbsolutePath().normalize();
        List<Long> found = new ArrayList<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    for (String e :
                            new String(Files.readAllBytes(p.resolve("environ")), StandardCharsets.UTF_8).split("\0")) {
                        if (e.startsWith("FAULTLINE_SANDBOX=") && e.endsWith(suffix)) {
                            found.add(Long.parseLong(p.getFileName().toString()));
                        }
                    }
                } catch (java.io.IOException gone) {
                    // exited meanwhile
                }
            }
        }
        return found;
    }

    /** What the old code left behind: every sandbox service whose pid file is here, stopped (this test's processes). */
    private static void stopLeftovers(Path sandbox) throws Exception {
        for (long pid : markedFor(sandbox)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        try (var files = Files.list(sandbox)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".pid"))
                    .toList()) {
                long pid = Long.parseLong(Files.readString(f).strip());
                Path cmdline =
                        Path.of("/proc", Long.toString(pid), "cmdline"); // Info.commandLine() is empty for long ones
                if (Files.exists(cmdline)
                        && new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).contains("dev.faultline.")) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
    }

    private static boolean awaitFile(Path f, Duration within) {
        return Eventually.holds(within, Duration.ofMillis(20), () -> Files.exists(f));
    }

    private static boolean awaitGone(long pid, Duration within) {
        return Eventually.holds(
                within,
                Duration.ofMillis(100),
                () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void aRunOrGameDayRefusedByTheLatchedKillSwitchStartsNoSandbox() throws Exception {
        ForkSandbox.stop(); // none may be started, and none is running
        assertThat(Cli.run(home, "halt", "--reason", "drill").exit()).isZero();
        try {
            Cli run = Cli.run(home, "run", Cli.runbook("payment-latency-holds.yaml"));
            Cli day = Cli.run(home, "gameday", "run", Cli.runbook("first-gameday.yaml"), "--no-report");

            for (Cli refused : new Cli[] {run, day}) {
                assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(ExitCodes.COULD_NOT_RUN);
                assertThat(refused.err()).contains("the kill switch is engaged").contains("drill");
                assertThat(refused.out()).doesNotContain("starting the sandbox").doesNotContain("using the sandbox");
            }
            assertThat(home.resolve("sandbox").resolve("logs"))
                    .as("no sandbox process was started")
                    .doesNotExist();
        } finally {
            Cli.run(home, "release", "--reason", "drill over");
        }
    }
}
