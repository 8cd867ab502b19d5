package dev.faultline.engine.command;

import java.time.Duration;

/**
 * How a command ended.
 *
 * @param exitCode the process's exit code; -1 when it was stopped (timeout or halt)
 * @param timedOut whether it outlived its timeout and was stopped
 * @param stopped whether it was stopped because the run halted
 */
public record CommandOutcome(
        int exitCode, boolean timedOut, boolean stopped, String stdout, String stderr, Duration took) {

    /** Exit code 0, neither timed out nor stopped. */
    public boolean succeeded() {
        return exitCode == 0 && !timedOut && !stopped;
    }

    /** One line for people: {@code exit 0}, {@code exited 2: <last line of stderr>} ... */
    public String summary() {
        if (timedOut) {
            return "still running after its timeout; stopped" + tail();
        }
        if (stopped) {
            return "stopped by the halt";
        }
        return (exitCode == 0 ? "exit 0" : "exited " + exitCode) + tail();
    }

    private String tail() {
        String text = stderr.isBlank() ? stdout : stderr;
        String[] lines = text.strip().split("\\R");
        String last = lines[lines.length - 1].strip();
        if (last.isEmpty()) {
            return "";
        }
        return ": " + (last.length() > 200 ? last.substring(0, 200) + "..." : last);
    }
}
