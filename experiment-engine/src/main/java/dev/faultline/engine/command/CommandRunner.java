package dev.faultline.engine.command;

import dev.faultline.engine.model.Command;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Starts a {@link Command}'s process directly (no shell unless the command is {@code sh -c}), with
 * its folder and environment, waits for it at most its timeout, and stops it (with its children)
 * when it outlives the timeout or when {@code stop} answers true. Output goes to temporary files
 * so a chatty process never blocks on a full pipe.
 */
public final class CommandRunner {
    private static final long POLL_MILLIS = 50;
    private static final int KEEP_CHARS = 64 * 1024;

    /**
     * Runs {@code command} to its end.
     *
     * @throws IOException when the process cannot be started (no such program, no such folder)
     */
    public CommandOutcome run(Command command, BooleanSupplier stop) throws IOException, InterruptedException {
        Path out = Files.createTempFile("faultline-command-", ".out");
        Path err = Files.createTempFile("faultline-command-", ".err");
        long started = System.nanoTime();
        try {
            ProcessBuilder pb = new ProcessBuilder(command.argv())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            String dir = command.directory();
            if (dir != null) {
                pb.directory(new File(dir));
            }
            pb.environment().putAll(command.env());
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new IOException("could not start '" + command.argv().getFirst() + "'"
                        + (dir == null ? "" : " in " + dir) + ": " + reason(e));
            }
            long deadline = started + command.timeout().toNanos();
            boolean timedOut = false;
            boolean stopped = false;
            try {
                while (!p.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (System.nanoTime() >= deadline) {
                        timedOut = true;
                        break;
                    }
                    if (stop.getAsBoolean()) {
                        stopped = true;
                        break;
                    }
                }
            } catch (InterruptedException e) {
                kill(p);
                throw e;
            }
            if (timedOut || stopped) {
                kill(p);
            }
            return new CommandOutcome(
                    timedOut || stopped ? -1 : p.exitValue(),
                    timedOut,
                    stopped,
                    read(out),
                    read(err),
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static void kill(Process p) throws InterruptedException {
        ProcessTree.kill(p.toHandle());
        p.waitFor(5, TimeUnit.SECONDS);
    }

    private static String read(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return text.length() > KEEP_CHARS ? text.substring(text.length() - KEEP_CHARS) : text;
    }

    private static String reason(IOException e) {
        String m = String.valueOf(e.getMessage());
        int i = m.indexOf("error=");
        return i >= 0 ? m.substring(i) : m;
    }
}
