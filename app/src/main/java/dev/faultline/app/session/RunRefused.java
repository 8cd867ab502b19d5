package dev.faultline.app.session;

import java.util.List;

/**
 * A run or GameDay that did not start: the input is wrong, production was not confirmed, or what it
 * needs could not be had (the kill switch is engaged, the sandbox or its Prometheus would not start,
 * the metrics port is taken). {@link #lines()} say what, one problem a line.
 */
public final class RunRefused extends Exception {
    /** Why nothing ran; the command line maps it to its exit code. */
    public enum Why {
        INVALID_INPUT,
        NOT_CONFIRMED,
        COULD_NOT_RUN
    }

    private final Why why;
    private final List<String> lines;

    RunRefused(Why why, List<String> lines) {
        super(String.join("\n", lines));
        this.why = why;
        this.lines = List.copyOf(lines);
    }

    RunRefused(Why why, String line) {
        this(why, List.of(line));
    }

    public Why why() {
        return why;
    }

    public List<String> lines() {
        return lines;
    }
}
