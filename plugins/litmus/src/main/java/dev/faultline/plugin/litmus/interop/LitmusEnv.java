package dev.faultline.plugin.litmus.interop;

import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.plugin.kube.interop.ManifestNode;
import dev.faultline.plugin.litmus.interop.LitmusDefinitions.Definition;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An experiment's environment as the chaos runner makes it: the defaults of its {@code
 * ChaosExperiment} definition (when the import holds it), each overridden by the engine's {@code
 * components.env} entry of the same name (an empty one too, which leaves the experiment's own
 * default). Read once: each variable a fault uses is taken, and where each value came from (the
 * engine, the definition, or a default assumed) is a note, as is whatever is left untaken, so
 * nothing is dropped silently.
 */
final class LitmusEnv {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> fromEngine = new LinkedHashSet<>();
    private final Map<String, ManifestNode> nodes = new LinkedHashMap<>();
    private final Set<String> taken = new LinkedHashSet<>();
    private final Map<String, String> assumed = new LinkedHashMap<>();
    private final ManifestNode spec;
    private final String experiment;
    private final Optional<Definition> definition;

    LitmusEnv(
            ManifestNode experimentSpec,
            String experiment,
            Optional<Definition> definition,
            String source,
            List<ConversionNote> notes)
            throws ImportException {
        this.spec = experimentSpec;
        this.experiment = experiment;
        this.definition = definition;
        definition.ifPresent(d -> values.putAll(d.env()));
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
            fromEngine.add(name);
            nodes.put(name, e.get("value").orElse(e));
        }
    }

    /** The variable's value when it is set and not empty; taken either way. */
    Optional<String> take(String name) {
        taken.add(name);
        String v = values.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** A whole number variable, or {@code fallback} (the experiment's own default, noted) when it is not set. */
    long number(String name, long fallback) throws ImportException {
        Optional<String> v = take(name);
        if (v.isEmpty()) {
            assumed.put(name, Long.toString(fallback));
            return fallback;
        }
        try {
            return Math.round(Double.parseDouble(v.get()));
        } catch (NumberFormatException e) {
            throw node(name)
                    .problem(name + " '" + v.get() + "'"
                            + (fromEngine.contains(name) ? "" : " (the default of " + definitionName() + ")")
                            + " is not a number");
        }
    }

    ManifestNode node(String name) {
        return nodes.getOrDefault(name, spec);
    }

    /** The variables the engine set (not empty) that no fault took. */
    Map<String, String> untaken() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (fromEngine.contains(k) && !taken.contains(k) && !v.isEmpty()) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * Notes of where each value taken came from: the engine, the definition's defaults, or a default
     * assumed (the experiment's own, or, without the definition in the import, the hub's); and the
     * definition's defaults no fault took.
     */
    void explain(String here, List<ConversionNote> notes) {
        Map<String, String> engine = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String k : taken) {
            String v = values.getOrDefault(k, "");
            if (!v.isEmpty()) {
                (fromEngine.contains(k) ? engine : defaults).put(k, v);
            }
        }
        StringBuilder s = new StringBuilder();
        s.append(engine.isEmpty() ? "no values from the engine" : "from the engine: " + list(engine));
        if (definition.isPresent()) {
            if (!defaults.isEmpty()) {
                s.append("; from the defaults of ")
                        .append(definitionName())
                        .append(": ")
                        .append(list(defaults));
            }
            if (!assumed.isEmpty()) {
                s.append("; empty or unset in both, the experiment's own default: ")
                        .append(list(assumed));
            }
        } else if (!assumed.isEmpty()) {
            s.append("; no ChaosExperiment ")
                    .append(experiment)
                    .append(" among the files imported, so the hub's defaults were assumed: ")
                    .append(list(assumed))
                    .append(" (the cluster's ChaosExperiment decides; import it with the engine, in the same file"
                            + " or folder, to take its own)");
        }
        notes.add(new ConversionNote(here + " env", s.toString()));
        if (definition.isPresent()) {
            Map<String, String> unused = new LinkedHashMap<>();
            values.forEach((k, v) -> {
                if (!fromEngine.contains(k) && !taken.contains(k) && !v.isEmpty()) {
                    unused.put(k, v);
                }
            });
            if (!unused.isEmpty()) {
                notes.add(new ConversionNote(
                        here + " env",
                        "left out, defaults of " + definitionName() + " Faultline's fault has no equivalent of: "
                                + list(unused)));
            }
        }
    }

    private String definitionName() {
        return definition
                .map(d -> "ChaosExperiment " + d.name() + " (" + d.where() + ")")
                .orElse("ChaosExperiment " + experiment);
    }

    private static String list(Map<String, String> m) {
        return m.entrySet().stream()
                .map(e -> e.getKey() + "=" + oneLine(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** A value as it reads in a one-line note: line breaks written as {@code \n}. */
    static String oneLine(String value) {
        return value.replace("\r", "").replace("\n", "\\n");
    }
}
