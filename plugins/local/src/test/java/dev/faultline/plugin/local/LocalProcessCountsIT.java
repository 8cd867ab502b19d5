package dev.faultline.plugin.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProcessFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rollout over counts of targets on local processes: three real child processes marked with the
 * same word, paused one, then two (re-injected as a stage does), and all resumed by the one revert.
 */
class LocalProcessCountsIT {
    private final String marker = "faultline-count-" + UUID.randomUUID();
    private final List<Process> children = new ArrayList<>();
    private final LocalBackend backend = new LocalBackend("http://127.0.0.1:1");
    private final Target target = new Target("process", Params.of("name", marker));

    @BeforeEach
    void start() throws Exception {
        for (int i = 0; i < 3; i++) {
            children.add(new ProcessBuilder("sh", "-c", "sleep 120", marker).start());
        }
        // each sh forks before it runs sleep: wait until the three marked processes are the three sh
        await("three processes marked " + marker)
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> children.stream().allMatch(LocalProcessCountsIT::sleeping)
                        && Processes.matching(marker).size() == 3);
    }

    private static boolean sleeping(Process sh) {
        return sh.descendants().anyMatch(p -> Processes.arguments(p).equals(List.of("sleep", "120")));
    }

    @AfterEach
    void stop() throws Exception {
        for (Process c : children) {
            new ProcessBuilder("kill", "-CONT", Long.toString(c.pid())).start().waitFor();
            c.descendants().forEach(ProcessHandle::destroyForcibly);
            c.destroyForcibly();
        }
    }

    private List<Long> stopped() {
        return children.stream()
                .map(Process::pid)
                .filter(Processes::isStopped)
                .sorted()
                .toList();
    }

    private List<Long> byPid() {
        return children.stream()
                .map(Process::pid)
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    private FaultRequest pause(int count) {
        return FaultRequest.atShare(
                        "run1", "freeze", new ProcessFault.ProcessPause(), target, 1.0, Duration.ofSeconds(30))
                .withTargets(count);
    }

    @Test
    void eachStagePausesItsCountOfTheMatchingProcessesAndTheRevertResumesThemAll() throws Exception {
        assertThat(backend.cannotCount(target, new ProcessFault.ProcessPause())).isEmpty();
        assertThat(backend.matching(target)).isEqualTo(3);

        FaultHandle h = backend.prepare(pause(1));
        backend.inject(pause(1), h);
        assertThat(stopped()).containsExactly(byPid().get(0));
        assertThat(backend.verifyGone(h).gone()).isFalse();

        backend.revert(h); // the next stage, as the runner applies it where nothing changes in place
        backend.inject(pause(2), h);
        assertThat(stopped()).containsExactly(byPid().get(0), byPid().get(1));

        backend.revert(h);
        assertThat(stopped()).isEmpty();
        assertThat(backend.verifyGone(h).gone()).isTrue();
        assertThat(backend.manualCleanup(h))
                .isEqualTo("kill -CONT " + byPid().get(0) + " " + byPid().get(1) + " " + byPid().get(2));
    }

    @Test
    void otherLocalFaultsAndTargetsAreNotCounted() throws Exception {
        assertThat(backend.cannotCount(target, new ProcessFault.ProcessKill("KILL", "")))
                .hasValueSatisfying(why -> assertThat(why)
                        .isEqualTo("backend 'local' hits a count of targets with process-pause on {process: {name:"
                                + " WORD}} only, not process-kill on process/" + marker));
        assertThat(backend.cannotCount(
                        new Target("proxy", Params.of("name", "payments")), new ProcessFault.ProcessPause()))
                .isPresent();
    }
}
