package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faultline validate} on what is not a runbook file, or on values out of range: one line
 * each, exit 2, never an OutOfMemoryError or a hang (each call bounded in time).
 */
class ValidateCommandTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Path fifo;

    @AfterEach
    void releaseAReaderStuckOnTheFifo() {
        if (fifo != null) {
            Thread t = new Thread(() -> {
                try (OutputStream out = Files.newOutputStream(fifo)) {
                    out.flush();
                } catch (Exception ignored) {
                    // nobody was waiting
                }
            });
            t.setDaemon(true);
            t.start();
        }
    }

    private Cli validate(Path file) {
        return assertTimeoutPreemptively(BOUND, () -> Cli.run(dir.resolve("home"), "validate", file.toString()));
    }

    @Test
    void devZeroANamedPipeAndADirectoryAreOneLineEach() throws Exception {
        fifo = dir.resolve("pipe.yaml");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is available");
        Path sub = Files.createDirectory(dir.resolve("runbooks"));

        Cli zero = validate(Path.of("/dev/zero"));
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err())
                .isEqualTo("/dev/zero: is not a regular file (a character device); give the path of a" + " runbook file"
                        + System.lineSeparator());
        Cli pipe = validate(fifo);
        assertThat(pipe.exit()).isEqualTo(2);
        assertThat(pipe.err().lines())
                .containsExactly(fifo + ": is not a regular file (a named pipe); give the path of" + " a runbook file");
        Cli d = validate(sub);
        assertThat(d.exit()).isEqualTo(2);
        assertThat(d.err().lines()).containsExactly(sub + ": is a directory; give the path of a runbook file");
    }

    @Test
    void aLatencyThatWouldOverflowIsOutOfRangeAtItsPlace() throws Exception {
        Path r = dir.resolve("slow.yaml");
        Files.writeString(
                r,
                Files.readString(Path.of(Cli.runbook("payment-latency-holds.yaml")))
                        .replace("latency: 150ms", "latency: 99999999999h"));
        Cli v = validate(r);
        assertThat(v.exit()).isEqualTo(2);
        assertThat(v.err().lines())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .matches(java.util.regex.Pattern.quote(r.toString())
                                + ":\\d+:\\d+: spec\\.method\\[0\\]\\.fault\\.latency:"
                                + " latency 99999999999h is out of range: at most 1h"));
    }
}
