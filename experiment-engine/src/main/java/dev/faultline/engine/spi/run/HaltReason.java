package dev.faultline.engine.spi.run;

import java.util.Objects;

/**
 * Why a run or everything was halted.
 *
 * @param source who or what pulled it
 * @param detail the words shown to people: "stop condition error-storm: order-success-ratio read 0.31"
 */
public record HaltReason(Source source, String detail) {
    public HaltReason {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detail, "detail");
    }

    public enum Source {
        /** A person pressed the kill switch (app, `faultline halt`). */
        KILL_SWITCH,
        /** A stop condition was breached. */
        STOP_CONDITION,
        /** A wait-until step timed out, or a fault could not be injected. */
        METHOD,
        /** The process was asked to stop (Ctrl-C, SIGTERM, window closed). */
        SIGNAL
    }

    public static HaltReason killSwitch(String detail) {
        return new HaltReason(Source.KILL_SWITCH, detail);
    }

    @Override
    public String toString() {
        return source.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + detail;
    }
}
