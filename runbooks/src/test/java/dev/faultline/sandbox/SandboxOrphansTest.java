package dev.faultline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Faultline killed between starting a sandbox service and recording it in {@code state.json}
 * leaves a service nobody has written down. Every service carries its sandbox and owner in its
 * environment, so {@link Sandbox#stopOrphans} finds it in /proc and stops it; a service whose owner
 * is alive, or of another sandbox, is left alone. Real processes ({@code sleep}) stand for services.
 */
class SandboxOrphansTest {
    @TempDir
    Path home;

    @TempDir
    Path otherHome;

    private final List<Process> started = new java.util.ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (Process p : started) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process service(String marker) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sleep", "60");
        pb.environment().put(SandboxMarker.ENV, marker);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static String deadOwner(Path home) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Instant at = gone.info().startInstant().orElse(Instant.now());
        return SandboxMarker.value(home, gone.pid(), at);
    }

    @Test
    void aServiceStartedButNeverRecordedIsStoppedWhenItsOwnerIsGone() throws Exception {
        Process orphan = service(deadOwner(home));

        List<String> lines = Sandbox.stopOrphans(home);

        assertThat(orphan.waitFor(10, TimeUnit.SECONDS))
                .as("the unrecorded service was stopped")
                .isTrue();
        assertThat(lines)
                .singleElement()
                .asString()
                .contains("pid " + orphan.pid())
                .contains("not yet recorded");
    }

    @Test
    void aServiceWhoseOwnerIsAliveOrOfAnotherSandboxIsLeftAlone() throws Exception {
        Process mine = service(SandboxMarker.value(
                home,
                ProcessHandle.current().pid(),
                ProcessHandle.current().info().startInstant().orElseThrow()));
        Process other = service(deadOwner(otherHome));

        assertThat(Sandbox.stopOrphans(home)).isEmpty();

        assertThat(mine.isAlive()).isTrue();
        assertThat(other.isAlive()).isTrue();
    }
}
