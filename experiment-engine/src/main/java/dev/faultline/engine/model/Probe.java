package dev.faultline.engine.model;

import java.util.Objects;

/**
 * Reads one value from the system under test; never changes it.
 *
 * @param name           unique within the experiment
 * @param type           the metric source that reads it ({@code http}, {@code metrics}, ...)
 * @param params         the source's settings
 * @param expect         the steady state: what the value must be
 * @param checkedDuring  whether samples taken while faults are active must hold too; when false
 *                       the probe is judged at baseline and final verification only (a probe of
 *                       recovery rather than of resilience)
 * @param expectText     the tolerance as the runbook wrote it ({@code >= 95%}), for people
 */
public record Probe(
        String name, String type, Params params, Tolerance expect, boolean checkedDuring, String expectText) {
    public Probe(String name, String type, Params params, Tolerance expect, boolean checkedDuring) {
        this(name, type, params, expect, checkedDuring, expect.describe());
    }

    public Probe {
        Objects.requireNonNull(expectText, "expectText");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(expect, "expect");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a probe needs a name");
        }
    }
}
