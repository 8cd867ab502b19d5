package dev.faultline.engine.model;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Named settings of a probe, target or backend, as the runbook wrote them. Nested runbook maps are
 * flattened to dotted keys ({@code ratio.of}). Values are kept as text; typed getters convert them
 * and say which key was wrong.
 */
public record Params(Map<String, String> values) {
    public static final Params EMPTY = new Params(Map.of());

    public Params {
        values = Map.copyOf(values);
    }

    public static Params of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Params(m);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String require(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is required");
        }
        return v;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Duration duration(String key, Duration fallback) {
        return get(key).map(v -> Durations.parse(v, key)).orElse(fallback);
    }

    public double number(String key, double fallback) {
        return get(key).map(v -> {
                    try {
                        return Double.parseDouble(v.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + key + "': '" + v + "' is not a number");
                    }
                })
                .orElse(fallback);
    }

    /** The params under {@code prefix.}, with the prefix removed. */
    public Params under(String prefix) {
        Map<String, String> m = new TreeMap<>();
        String p = prefix + ".";
        values.forEach((k, v) -> {
            if (k.startsWith(p)) {
                m.put(k.substring(p.length()), v);
            }
        });
        return new Params(m);
    }

    public Params with(String key, String value) {
        Map<String, String> m = new TreeMap<>(values);
        m.put(key, value);
        return new Params(m);
    }

    @Override
    public String toString() {
        return new TreeMap<>(values).toString();
    }
}
