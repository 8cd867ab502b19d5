package dev.faultline.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Process states and signals the JDK has no call for (SIGSTOP, SIGCONT), for tests with real processes. */
final class Signals {
    private Signals() {}

    /** The state letter of /proc/PID/stat ('T' stopped, 'S' sleeping, ...), or 'X' when the process is gone. */
    static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException e) {
            return 'X';
        }
    }

    static void send(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .inheritIO()
                .start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + signal + " " + pid + " failed");
        }
    }

    /** Waits (bounded) until the process is in the state; false if it never is. */
    static boolean awaitState(long pid, char state, long millis) {
        return Eventually.holds(Duration.ofMillis(millis), Duration.ofMillis(50), () -> state(pid) == state);
    }
}
