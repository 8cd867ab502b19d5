package dev.faultline.plugin.litmus.interop;

import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.plugin.kube.interop.ManifestNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ChaosExperiment} definitions an import holds, by name: the defaults of the environment
 * variables that the chaos runner merges a {@code ChaosEngine}'s experiment env over. Those in the
 * engine's own file come first, then those of the other files of the same import.
 */
final class LitmusDefinitions {
    /** One definition: its name, where it was found, and its env defaults in order (empty values kept). */
    record Definition(String name, String where, Map<String, String> env) {
        Definition {
            env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        }
    }

    private final Map<String, Definition> byName = new LinkedHashMap<>();

    static LitmusDefinitions of(List<ManifestNode> sameFile, List<ForeignFile> alongside) {
        LitmusDefinitions d = new LitmusDefinitions();
        d.add(sameFile, "this file");
        for (ForeignFile f : alongside) {
            if (!ManifestNode.mentions(f.text(), "litmuschaos.io", "ChaosExperiment")) {
                continue;
            }
            try {
                d.add(ManifestNode.documents(f, LitmusImporter.NAME), String.valueOf(f.path()));
            } catch (ImportException e) {
                // not YAML: that file is refused, located, when it is imported itself
            }
        }
        return d;
    }

    Optional<Definition> get(String experiment) {
        return Optional.ofNullable(byName.get(experiment));
    }

    private void add(List<ManifestNode> docs, String where) {
        for (ManifestNode doc : docs) {
            if (!doc.isMap() || !doc.kind().equals("ChaosExperiment")) {
                continue;
            }
            String name = doc.name("");
            if (name.isEmpty() || byName.containsKey(name)) {
                continue;
            }
            Map<String, String> env = new LinkedHashMap<>();
            try {
                Optional<ManifestNode> definition =
                        doc.get("spec").isPresent() ? doc.require("spec").get("definition") : Optional.empty();
                if (definition.isPresent()) {
                    for (ManifestNode e : definition.get().items("env")) {
                        if (e.isMap() && e.has("name") && !e.has("valueFrom")) {
                            env.put(
                                    e.require("name").text(),
                                    e.text("value", "").strip());
                        }
                    }
                }
            } catch (ImportException e) {
                continue; // a definition that cannot be read gives no defaults; the engine's note says none was found
            }
            byName.put(name, new Definition(name, where, env));
        }
    }
}
