package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code faultline halt} with FAULTLINE_HOME on a full file system (what a disk-fill fault does):
 * the latch cannot be written, yet the running Faultline must see the halt. The home is a small
 * tmpfs, so this needs the right to mount (root in a container); elsewhere it is skipped.
 */
@ForkSandbox.Indifferent
class HaltOnFullDiskIT {
    @TempDir
    Path work;

    private Path home;
    private boolean mounted;

    private Map<String, String> rendezvous() {
        return Map.of("FAULTLINE_RUNTIME_DIR", work.resolve("rv").toString());
    }

    private static int sh(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            Files.deleteIfExists(home.resolve("fill"));
            sh("umount", "-l", home.toString());
        }
    }

    /** Writes until the file system refuses; bounded by its size. */
    private static void fill(Path file) throws IOException {
        byte[] mib = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 1024; i++) {
                out.write(mib);
            }
        } catch (IOException full) {
            return;
        }
        throw new IOException("the file system did not fill up within 1 GiB");
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void haltReachesARunWhoseHomeIsFull() throws Exception {
        home = Files.createDirectory(work.resolve("home"));
        mounted = sh("mount", "-t", "tmpfs", "-o", "size=96m,mode=0700", "tmpfs", home.toString()) == 0;
        assumeTrue(mounted, "cannot mount a small file system here (needs root)");

        try (PausedSleeper target = new PausedSleeper(work);
                ChildFaultline run = ChildFaultline.start(work, home, rendezvous(), "run", target.runbook.toString())) {
            assertThat(run.awaitOutput("injected process", Duration.ofSeconds(90)))
                    .as("%s", run.output())
                    .isTrue();
            fill(home.resolve("fill"));
            assertThat(Files.getFileStore(home).getUsableSpace())
                    .as("the home is full")
                    .isLessThan(64 * 1024);

            try (ChildFaultline halt = ChildFaultline.start(
                    work, home, rendezvous(), "halt", "--reason", "full disk drill", "--wait", "20s")) {
                assertThat(halt.process.waitFor(60, TimeUnit.SECONDS))
                        .as("halt returns; %s", halt.output())
                        .isTrue();
                assertThat(halt.output())
                        .contains("could not latch the kill switch")
                        .contains("pid " + run.process.pid() + " (home " + home + "): halted");
            }
            assertThat(run.process.waitFor(60, TimeUnit.SECONDS))
                    .as("%s", run.output())
                    .isTrue();
            assertThat(run.output()).contains("HALTED").contains("full disk drill");
            assertThat(Signals.state(target.pid())).as("running again").isNotEqualTo('T');
        }
    }
}
