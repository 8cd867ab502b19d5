package dev.faultline.engine.safety;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the kernel says a process is doing, from {@code /proc/PID/stat}: running, stopped or gone. */
public enum ProcessState {
    RUNNING,
    /** Stopped by a signal (SIGSTOP, SIGTSTP: state 'T') or by a tracer ('t'): it does nothing until resumed. */
    STOPPED,
    GONE;

    private static final Path PROC = Path.of("/proc");

    public static ProcessState of(long pid) {
        Path stat = PROC.resolve(Long.toString(pid)).resolve("stat");
        try {
            String text = Files.readString(stat, StandardCharsets.UTF_8);
            // pid (comm) S ...: the command may hold spaces and parentheses, the state follows the last ')'.
            int close = text.lastIndexOf(')');
            char state = close >= 0 && close + 2 < text.length() ? text.charAt(close + 2) : '?';
            return switch (state) {
                case 'T', 't' -> STOPPED;
                case 'Z', 'X' -> GONE;
                default -> RUNNING;
            };
        } catch (IOException e) {
            return Files.isDirectory(PROC) ? GONE : RUNNING; // without /proc (macOS) nothing is known to be stopped
        }
    }
}
