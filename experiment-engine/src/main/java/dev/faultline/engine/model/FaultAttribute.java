package dev.faultline.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * One attribute a fault kind takes in a runbook, with the shape its value has there: this is the
 * kind's part of the runbook JSON Schema ({@code docs/runbook.schema.json}), which
 * {@code FaultSchemaAgreementTest} holds to it.
 */
public record FaultAttribute(String key, Shape shape, List<String> choices) {
    /** The shape of a value as the schema describes it. */
    public enum Shape {
        /** {@code $defs/duration}: 300ms, 2m */
        DURATION,
        /** a signed duration, -10m or 1h */
        OFFSET,
        /** {@code $defs/share}: 50% or 0.5 */
        SHARE,
        /** {@code $defs/size}: 256MB, 1GiB */
        SIZE,
        /** {@code $defs/rate}: 64MB/s */
        RATE,
        /** a whole number */
        INTEGER,
        /** text */
        TEXT,
        /** true or false */
        FLAG,
        /** a mapping of text to text */
        TEXT_MAP,
        /** a list of text */
        TEXT_LIST,
        /** one of {@link #choices()} */
        CHOICE,
        /** any scalar: text, a number, true, false or null */
        SCALAR
    }

    public FaultAttribute {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(shape, "shape");
        choices = List.copyOf(choices);
        if ((shape == Shape.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException("choices go with the CHOICE shape, and only with it: " + key);
        }
    }

    public static FaultAttribute of(String key, Shape shape) {
        return new FaultAttribute(key, shape, List.of());
    }

    public static FaultAttribute choice(String key, String... choices) {
        return new FaultAttribute(key, Shape.CHOICE, List.of(choices));
    }
}
