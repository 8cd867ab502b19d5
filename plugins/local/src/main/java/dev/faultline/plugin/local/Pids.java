package dev.faultline.plugin.local;

import dev.faultline.engine.spi.BackendException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** A pid as a target gives it: in the runbook ({@code pid: N}) or in a pid file. */
final class Pids {
    /** More than any pid and its line end: a pid file is never read further. */
    private static final int MAX_PID_FILE = 32;

    private Pids() {}

    /** A positive whole number; 0 and -1 would make {@code kill} signal a whole group or every process. */
    static long parse(String text) throws BackendException {
        return positive(text)
                .orElseThrow(() -> new BackendException(
                        LocalBackendProvider.ID,
                        "'" + text.strip() + "' is not a pid: give the process's id, a whole number above 0"));
    }

    /**
     * The pid in a pid file: a plain file (a device or a pipe is never opened, so nothing hangs or
     * reads forever) of at most a few bytes, holding one positive number.
     */
    static long fromFile(Path f) throws BackendException {
        if (!Files.isRegularFile(f)) {
            throw new BackendException(
                    LocalBackendProvider.ID,
                    "pid file " + f + " is not a plain file" + (Files.exists(f) ? "" : " (there is nothing there)")
                            + "; give the file the service writes its pid to");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(f)) {
            head = in.readNBytes(MAX_PID_FILE + 1);
        } catch (IOException e) {
            throw new BackendException(LocalBackendProvider.ID, "cannot read pid file " + f + ": " + e.getMessage());
        }
        String text = new String(head, StandardCharsets.US_ASCII);
        OptionalLong pid = head.length > MAX_PID_FILE ? OptionalLong.empty() : positive(text);
        return pid.orElseThrow(() -> new BackendException(
                LocalBackendProvider.ID,
                "pid file " + f + " holds no pid"
                        + " (a whole number above 0 on its own); is it the service's pid file?"));
    }

    private static OptionalLong positive(String text) {
        String s = text.strip();
        if (!s.matches("[0-9]{1,10}")) {
            return OptionalLong.empty();
        }
        long pid = Long.parseLong(s);
        return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
    }
}
