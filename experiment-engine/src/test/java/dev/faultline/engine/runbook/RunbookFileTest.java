package dev.faultline.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faultline.engine.env.EnvironmentsFile;
import dev.faultline.engine.spi.SettingsException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every entry point that reads a runbook (or the environments file) reads a regular file of at
 * most the size limit, and refuses anything else in one line without hanging or filling memory.
 * Each attempt is bounded in time: a read that hangs fails the test instead.
 */
class RunbookFileTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final RunbookLoader loader = new RunbookLoader();
    private Path fifo;

    @AfterEach
    void unblockAnyReaderOfTheFifo() {
        if (fifo == null) {
            return;
        }
        // A reader stuck in open() on the FIFO (the old code) is released by a writer opening it.
        // WRITE without CREATE: once @TempDir has deleted the FIFO, this must not make a plain file
        // in its place (that raced with the folder's deletion and failed the test now and then).
        Thread t = new Thread(
                () -> {
                    try (OutputStream out = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
                        out.flush();
                    } catch (Exception ignored) {
                        // nothing is waiting
                    }
                },
                "fifo-unblocker");
        t.setDaemon(true);
        t.start();
    }

    private static String refusal(ThrowingLoad load) {
        RunbookException e = assertTimeoutPreemptively(BOUND, () -> {
            try {
                load.run();
            } catch (RunbookException x) {
                return x;
            }
            throw new AssertionError("expected a refusal");
        });
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0).toString();
    }

    interface ThrowingLoad {
        void run() throws Exception;
    }

    @Test
    void devZeroIsRefusedWithoutReadingIt() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        assertThat(refusal(() -> loader.load(zero)))
                .isEqualTo("/dev/zero: is not a regular file (a character device); give the path of a runbook file");
    }

    @Test
    void aNamedPipeIsRefusedWithoutWaitingForAWriter() throws Exception {
        fifo = dir.resolve("pipe.yaml");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is available");
        assertThat(refusal(() -> loader.load(fifo)))
                .isEqualTo(fifo + ": is not a regular file (a named pipe); give the path of a runbook file");
        assertThat(refusal(() -> loader.loadGameDay(fifo))).contains("is not a regular file (a named pipe)");
        assertThat(refusal(() -> loader.kindOf(fifo))).contains("is not a regular file (a named pipe)");
    }

    @Test
    void aDirectoryIsRefused() {
        assertThat(refusal(() -> loader.load(dir)))
                .isEqualTo(dir + ": is a directory; give the path of a runbook file");
    }

    @Test
    void aFileJustOverTheLimitIsRefusedAndOneAtTheLimitIsRead() throws Exception {
        Path big = dir.resolve("big.yaml");
        String head = "apiVersion: faultline.dev/v1\n# ";
        Files.writeString(big, head + "x".repeat(RunbookFiles.MAX_BYTES - head.length()) + "\n");
        assertThat(refusal(() -> loader.load(big)))
                .isEqualTo(big + ": is " + (RunbookFiles.MAX_BYTES + 1) + " bytes; a runbook file may have at most "
                        + RunbookFiles.MAX_BYTES + " bytes");
        Files.writeString(big, head + "x".repeat(RunbookFiles.MAX_BYTES - head.length() - 1) + "\n");
        assertThat(refusal(() -> loader.load(big))).doesNotContain("at most " + RunbookFiles.MAX_BYTES + " bytes");
    }

    @Test
    void theEnvironmentsFileIsReadTheSameWay() throws Exception {
        fifo = dir.resolve("environments.yaml");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is available");
        SettingsException e = assertTimeoutPreemptively(BOUND, () -> {
            try {
                EnvironmentsFile.load(fifo);
            } catch (SettingsException x) {
                return x;
            }
            throw new AssertionError("expected a refusal");
        });
        assertThat(e.problems())
                .singleElement()
                .hasToString(fifo + ": is not a regular file (a named pipe); give the path of a settings file");
        assertThatThrownBy(() -> EnvironmentsFile.load(Path.of("/dev/zero")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("is not a regular file");
    }
}
