package dev.faultline.engine.spi.interop;

import java.util.Objects;

/**
 * Something of the source that was not carried over exactly, and what was done instead: printed on
 * standard error by {@code faultline import} and {@code faultline export}, listed by the app.
 *
 * @param source the activity, resource or fault concerned, as the source names it
 *     ("action terminate-db-pod", "NetworkChaos web-delay", "fault step kill-payment")
 * @param instead what Faultline did instead ("became a manual step", "left out: Chaos Toolkit has no
 *     JVM faults")
 */
public record ConversionNote(String source, String instead) {
    public ConversionNote {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(instead, "instead");
    }

    @Override
    public String toString() {
        return source + ": " + instead;
    }
}
