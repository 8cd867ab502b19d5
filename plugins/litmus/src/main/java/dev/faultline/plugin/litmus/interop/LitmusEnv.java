package dev.faultline.plugin.litmus.interop;

import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.plugin.kube.interop.ManifestNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An experiment's {@code components.env}, read once: each variable a fault uses is taken, and
 * whatever is left untaken is a note, so nothing is dropped silently.
 */
final class LitmusEnv {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, ManifestNode> nodes = new LinkedHashMap<>();
    private final Set<String> taken = new LinkedHashSet<>();
    private final ManifestNode spec;

    LitmusEnv(ManifestNode experimentSpec, String source, List<ConversionNote> notes) throws ImportException {
        this.spec = experimentSpec;
        Optional<ManifestNode> components = experimentSpec.get("components");
        if (components.isEmpty()) {
            return;
        }
        for (ManifestNode e : components.get().items("env")) {
            String name = e.require("name").text();
            if (e.has("valueFrom")) {
                notes.add(new ConversionNote(
                        source + " env " + name,
                        "left out: its value comes from elsewhere" + " (valueFrom); give the value itself"));
                continue;
            }
            values.put(name, e.text("value", "").strip());
            nodes.put(name, e.get("value").orElse(e));
        }
    }

    /** The variable's value when it is set and not empty; taken either way. */
    Optional<String> take(String name) {
        taken.add(name);
        String v = values.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** A whole number variable, or {@code fallback} when it is not set. */
    long number(String name, long fallback) throws ImportException {
        Optional<String> v = take(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Math.round(Double.parseDouble(v.get()));
        } catch (NumberFormatException e) {
            throw node(name).problem(name + " '" + v.get() + "' is not a number");
        }
    }

    ManifestNode node(String name) {
        return nodes.getOrDefault(name, spec);
    }

    /** The variables set (not empty) that no fault took. */
    Map<String, String> untaken() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!taken.contains(k) && !v.isEmpty()) {
                out.put(k, v);
            }
        });
        return out;
    }
}
