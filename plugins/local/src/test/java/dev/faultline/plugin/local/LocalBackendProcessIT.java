package dev.faultline.plugin.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProcessFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackendContract;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Process pause against a real child process, found by a word of its command line. */
class LocalBackendProcessIT extends FaultBackendContract {
    private final String marker = "faultline-test-" + UUID.randomUUID();
    private Process child;

    @BeforeEach
    void start() throws Exception {
        child = new ProcessBuilder("sh", "-c", "sleep 120", marker).start();
        // sh forks before it runs sleep: until the fork has become sleep it has the marker too (seen on a
        // busy machine), so wait for the sleep itself, then for a single match
        await("the child sh's sleep 120, the one process marked " + marker)
                .atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> sleeping(child) && Processes.matching(marker).size() == 1);
    }

    private static boolean sleeping(Process sh) {
        return sh.descendants().anyMatch(p -> Processes.arguments(p).equals(java.util.List.of("sleep", "120")));
    }

    @AfterEach
    void stop() throws Exception {
        new ProcessBuilder("kill", "-CONT", Long.toString(child.pid())).start().waitFor();
        child.destroyForcibly();
        Processes.matching(marker).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    protected BackendSettings settings() {
        return BackendSettings.empty("local");
    }

    @Override
    protected FaultBackendProvider provider() {
        return new LocalBackendProvider();
    }

    @Override
    protected FaultRequest request() {
        return FaultRequest.atShare(
                "run1",
                "freeze",
                new ProcessFault.ProcessPause(),
                new Target("process", Params.of("name", marker)),
                1.0,
                Duration.ofSeconds(30));
    }

    @Override
    protected boolean effectPresent(FaultHandle handle) {
        return Processes.isStopped(child.pid());
    }

    @Test
    void aMissingOrAmbiguousProcessIsNamedInTheError() {
        LocalBackend b = new LocalBackend("http://127.0.0.1:1");
        assertThatThrownBy(() -> b.findTarget(new Target("process", Params.of("name", "no-such-process-" + marker))))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("no running process has");
        assertThatThrownBy(() -> b.findTarget(new Target("proxy", Params.of("name", "payments"))))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("no chaos proxy answers at http://127.0.0.1:1");
    }

    @Test
    void aPidThatNowBelongsToAnotherProcessIsNotSignalled() throws Exception {
        LocalBackend b = new LocalBackend("http://127.0.0.1:1");
        FaultHandle h = b.prepare(request());
        FaultHandle recycled = new FaultHandle(
                h.backend(), h.id(), h.description(), h.data().with("startedAt", "2000-01-01T00:00:00Z"));
        assertThatThrownBy(() -> b.inject(request(), recycled))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("is gone");
        assertThat(Processes.isStopped(child.pid())).isFalse();
    }

    @Test
    void aRestartStopsTheProcessAndItsRestartCommandBringsItBack() throws Exception {
        LocalBackend b = new LocalBackend("http://127.0.0.1:1");
        FaultRequest restart = FaultRequest.atShare(
                "run1",
                "restart",
                new ProcessFault.ProcessRestart("exec sh -c 'sleep 120' " + marker),
                new Target("process", Params.of("name", marker)),
                1.0,
                Duration.ofSeconds(30));
        FaultHandle h = b.prepare(restart);
        b.inject(restart, h);

        assertThat(child.isAlive()).as("the original process was stopped").isFalse();
        await("a process named " + marker + " runs again")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> b.verifyGone(h).gone());
        assertThat(Processes.matching(marker))
                .singleElement()
                .extracting(ProcessHandle::pid)
                .isNotEqualTo(child.pid());
    }
}
