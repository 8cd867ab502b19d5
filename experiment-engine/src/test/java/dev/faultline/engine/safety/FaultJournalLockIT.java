package dev.faultline.engine.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultHandle;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Faultline stopped (SIGSTOP) while it holds the fault journal's lock must not stop {@code halt}
 * and {@code recover} of other processes: reads go on without the lock after a bounded wait, and a
 * write is refused in one line instead of waiting forever. The holder is a real second JVM.
 */
class FaultJournalLockIT {
    @TempDir
    Path dir;

    private Process holder;

    private final BackendSettings settings = new BackendSettings("local", Params.of("proxyApi", "http://127.0.0.1:1"));
    private final FaultHandle handle = new FaultHandle(
            "local",
            "faultline_r1_slow",
            "latency 300ms on proxy/payments",
            Params.of("proxy", "payments", "toxic", "faultline_r1_slow"));

    @AfterEach
    void stopHolder() throws Exception {
        if (holder != null) {
            new ProcessBuilder("kill", "-CONT", Long.toString(holder.pid()))
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void lockedByAStoppedProcess(Path file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        holder = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        JournalLockHolder.class.getName(),
                        file.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        String line = assertTimeoutPreemptively(Duration.ofSeconds(30), out::readLine);
        assertThat(line).isEqualTo("locked");
        assertThat(new ProcessBuilder("kill", "-STOP", Long.toString(holder.pid()))
                        .start()
                        .waitFor())
                .isZero();
    }

    @Test
    void openFaultsAreReadWithinTheBoundWhileAStoppedProcessHoldsTheLock() throws Exception {
        Path file = dir.resolve("faults.jsonl");
        FaultJournal j = new FaultJournal(file, ProcessOwner.current(), Clock.systemUTC(), Duration.ofSeconds(1));
        j.recordIntent("r1", "slow", settings, handle);
        lockedByAStoppedProcess(file);

        var open = assertTimeoutPreemptively(Duration.ofSeconds(15), j::openFaults);
        assertThat(open).singleElement().extracting(JournalEntry::runId).isEqualTo("r1");
    }

    @Test
    void aWriteIsRefusedInOneLineWithinTheBoundWhileAStoppedProcessHoldsTheLock() throws Exception {
        Path file = dir.resolve("faults.jsonl");
        FaultJournal j = new FaultJournal(file, ProcessOwner.current(), Clock.systemUTC(), Duration.ofSeconds(1));
        lockedByAStoppedProcess(file);

        assertTimeoutPreemptively(
                Duration.ofSeconds(15),
                () -> assertThatThrownBy(() -> j.recordIntent("r2", "slow", settings, handle))
                        .isInstanceOf(UncheckedIOException.class)
                        .hasMessageContaining(file.toString())
                        .hasMessageContaining("locked by another process")
                        .hasMessageNotContaining("\n"));
    }
}
