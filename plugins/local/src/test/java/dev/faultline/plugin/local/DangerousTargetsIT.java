package dev.faultline.plugin.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProcessFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.Availability;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.engine.spi.TargetDiscovery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Targets by pid or pid file that must never be hit, found with real processes: pid 1, a kernel
 * thread, this JVM (standing for Faultline) and its parent, a process of another user; refused in
 * pre-flight ({@code findTarget}) and again when the fault goes in ({@code prepare}, {@code inject}).
 * Nothing here injects into a process that may be refused: only a throw-away {@code sleep} is ever
 * signalled, so a regression cannot stop the machine or the test.
 */
class DangerousTargetsIT {
    private static final long SELF = ProcessHandle.current().pid();
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception {
        for (Process p : started) {
            new ProcessBuilder("kill", "-CONT", Long.toString(p.pid())).start().waitFor();
            p.destroyForcibly();
        }
    }

    private static FaultBackend backend(Map<String, String> settings) throws BackendException {
        return new LocalBackendProvider().create(new BackendSettings("local", new Params(settings)));
    }

    private static Target process(String key, Object value) {
        return new Target("process", Params.of(key, value.toString()));
    }

    private static FaultRequest pause(Target t) {
        return FaultRequest.atShare("run1", "freeze", new ProcessFault.ProcessPause(), t, 1.0, Duration.ofSeconds(30));
    }

    /** Pre-flight and the late check at injection both refuse {@code t}, with {@code reason}. */
    private static void refusedEverywhere(FaultBackend b, Target t, String reason) {
        assertThatThrownBy(() -> ((TargetDiscovery) b).findTarget(t))
                .as("pre-flight of " + t.label())
                .isInstanceOf(BackendException.class)
                .hasMessageContaining(reason);
        assertThatThrownBy(() -> b.prepare(pause(t)))
                .as("injection of " + t.label())
                .isInstanceOf(BackendException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void pidOneIsRefused() throws Exception {
        refusedEverywhere(backend(Map.of()), process("pid", 1), "pid 1 is the system's first process");
    }

    @Test
    void kernelThreadsAreRefused() throws Exception {
        assumeTrue(
                command(2).equals("kthreadd"),
                "no kthreadd at pid 2 in this pid namespace: kernel threads not visible");
        FaultBackend b = backend(Map.of());
        refusedEverywhere(b, process("pid", 2), "kernel thread");
        long worker = ProcessHandle.allProcesses()
                .filter(p -> p.parent().map(x -> x.pid() == 2).orElse(false))
                .mapToLong(ProcessHandle::pid)
                .findFirst()
                .orElseThrow();
        refusedEverywhere(b, process("pid", worker), "kernel thread");
    }

    @Test
    void faultlineItselfAndItsAncestorsAreRefused() throws Exception {
        FaultBackend b = backend(Map.of());
        refusedEverywhere(b, process("pid", SELF), "is Faultline itself");
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        refusedEverywhere(b, process("pid", parent), "is an ancestor of Faultline");
        assertThatThrownBy(() ->
                        ((TargetDiscovery) b).findTarget(new Target("jvm", Params.of("pid", Long.toString(SELF)))))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("is Faultline itself");
    }

    @Test
    void aPidFileHoldingFaultlinesOwnPidIsRefusedInPreflightAndWhenItChangesBeforeInjection() throws Exception {
        FaultBackend b = backend(Map.of());
        Path pidFile = dir.resolve("app.pid");
        Files.writeString(pidFile, SELF + "\n", StandardCharsets.UTF_8);
        refusedEverywhere(b, process("pidFile", pidFile), "is Faultline itself");

        Process sleep = start("sleep", "60");
        Files.writeString(pidFile, sleep.pid() + "\n", StandardCharsets.UTF_8);
        assertThat(((TargetDiscovery) b).findTarget(process("pidFile", pidFile)))
                .as("pre-flight passes")
                .contains("pid " + sleep.pid());
        Files.writeString(pidFile, SELF + "\n", StandardCharsets.UTF_8); // rewritten between pre-flight and injection
        assertThatThrownBy(() -> b.prepare(pause(process("pidFile", pidFile))))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("is Faultline itself");
    }

    @Test
    void aPidFileThatIsNotASmallPlainFileOrAPidIsRefusedAtOnce() throws Exception {
        FaultBackend b = backend(Map.of());
        Path fifo = dir.resolve("app.fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo missing");
        for (Path notPlain : List.of(Path.of("/dev/zero"), fifo, dir)) {
            assertTimeoutPreemptively(
                    Duration.ofSeconds(5),
                    () -> assertThatThrownBy(() -> ((TargetDiscovery) b).findTarget(process("pidFile", notPlain)))
                            .isInstanceOf(BackendException.class)
                            .hasMessageContaining(notPlain + " is not a plain file"));
        }
        Path big = Files.write(dir.resolve("big.pid"), new byte[1_000_000]);
        assertThatThrownBy(() -> ((TargetDiscovery) b).findTarget(process("pidFile", big)))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("holds no pid");
        for (String text : List.of("0", "-1", "abc", "")) {
            Path f = Files.writeString(dir.resolve("bad.pid"), text + "\n", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> ((TargetDiscovery) b).findTarget(process("pidFile", f)))
                    .as(text)
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("holds no pid");
            assertThatThrownBy(() -> ((TargetDiscovery) b).findTarget(process("pid", text)))
                    .as(text)
                    .isInstanceOf(BackendException.class)
                    .hasMessageContaining("is not a pid");
        }
    }

    @Test
    void anotherUsersProcessIsRefusedUnlessTheEnvironmentAllowsIt() throws Exception {
        Process other = asNobody();
        Target t = process("pid", other.pid());
        refusedEverywhere(backend(Map.of()), t, "belongs to uid 65534");
        refusedEverywhere(backend(Map.of("allowOtherUsers", "false")), t, "allowOtherUsers: true");

        FaultBackend allowed = backend(Map.of("allowOtherUsers", "true"));
        assertThat(((TargetDiscovery) allowed).findTarget(t)).contains("pid " + other.pid());
        FaultHandle h = allowed.prepare(pause(t));
        allowed.inject(pause(t), h);
        assertThat(Processes.isStopped(other.pid())).isTrue();
        allowed.revert(h);
        assertThat(Processes.isStopped(other.pid())).isFalse();
    }

    @Test
    void theInjectionItselfRefusesAHandleWhosePidIsNoLongerAllowed() throws Exception {
        Process other = asNobody();
        FaultBackend b = backend(Map.of());
        String started = other.info().startInstant().orElseThrow().toString();
        FaultHandle h = new FaultHandle(
                "local",
                "f1",
                "process " + other.pid() + " paused",
                Params.of("kind", "pause", "pid", Long.toString(other.pid()), "startedAt", started));
        assertThatThrownBy(() -> b.inject(pause(process("pid", other.pid())), h))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("belongs to uid 65534");
        Thread.sleep(100);
        assertThat(Processes.isStopped(other.pid())).as("never signalled").isFalse();
    }

    @Test
    void anInvalidAllowOtherUsersSettingIsRefusedWithTheValuesItTakes() {
        assertThatThrownBy(() -> backend(Map.of("allowOtherUsers", "yes please")))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("allowOtherUsers")
                .hasMessageContaining("true or false");
        LocalBackendProvider provider = new LocalBackendProvider();
        assertThat(provider.check(new BackendSettings("local", Params.of("allowOtherUsers", "yes please"))))
                .isInstanceOf(Availability.Unavailable.class)
                .extracting(Availability::detail)
                .asString()
                .contains("true or false");
        assertThat(provider.check(new BackendSettings("local", Params.of("allowOtherUsers", "true")))
                        .detail())
                .contains("other users' processes may be targeted");
        assertThat(provider.check(BackendSettings.empty("local")).detail()).doesNotContain("other users");
    }

    /** A {@code sleep} of user nobody (uid 65534), through setpriv; skipped where that cannot be made. */
    private Process asNobody() throws Exception {
        assumeTrue(
                new ProcessBuilder("id", "-u").start().inputReader().readLine().equals("0"),
                "not root: cannot start a process of another user");
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "setpriv missing: cannot start a process of another user");
        Process p = start("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "sleep", "60");
        for (int i = 0; i < 200 && !status(p.pid()).contains("Uid:\t65534\t65534"); i++) {
            Thread.sleep(10);
        }
        assumeTrue(status(p.pid()).contains("Uid:\t65534\t65534"), "setpriv could not switch to uid 65534");
        for (int i = 0; i < 200 && !command(p.pid()).equals("sleep"); i++) {
            Thread.sleep(10);
        }
        return p;
    }

    private Process start(String... argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    private static String status(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String command(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm"), StandardCharsets.UTF_8)
                    .strip();
        } catch (IOException e) {
            return "";
        }
    }
}
