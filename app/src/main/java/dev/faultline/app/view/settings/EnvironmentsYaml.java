package dev.faultline.app.view.settings;

import dev.faultline.engine.env.Environment;
import dev.faultline.engine.spi.BackendSettings;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The environments file written from the form: the environments a user defined, each with its
 * production flag, its sections (kubernetes, prometheus, toxiproxy, local) and its other backends.
 * Lists (namespaces) are written as lists; credentials stay the references they are.
 */
final class EnvironmentsYaml {
    /** The backends that are sections of their own in the file; any other is under {@code backends}. */
    static final Set<String> SECTIONS = Set.of(Environment.KUBERNETES, "prometheus", "toxiproxy", "local");

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private EnvironmentsYaml() {}

    static String write(Collection<Environment> environments) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ObjectNode all = root.putObject("environments");
        for (Environment e : environments) {
            ObjectNode env = all.putObject(e.name());
            env.put("production", e.production());
            ObjectNode others = null;
            for (BackendSettings s : new TreeMap<>(e.backends()).values()) {
                ObjectNode section;
                if (SECTIONS.contains(s.backend())) {
                    section = env.putObject(s.backend());
                } else {
                    if (others == null) {
                        others = env.putObject("backends");
                    }
                    section = others.putObject(s.backend());
                }
                for (Map.Entry<String, String> v : new TreeMap<>(s.values().values()).entrySet()) {
                    if (v.getKey().equals("namespaces")) {
                        var list = section.putArray("namespaces");
                        for (String n : v.getValue().split(",")) {
                            list.add(n.strip());
                        }
                    } else {
                        section.put(v.getKey(), v.getValue());
                    }
                }
            }
        }
        return "# Faultline's environments, written by the settings form (docs/user-guide.md, \"Environments\").\n"
                + "# Credentials are references, never secrets: env:VARIABLE or file:/path.\n"
                + YAML.writeValueAsString(root).replaceFirst("^---\\s*\n", "");
    }
}
