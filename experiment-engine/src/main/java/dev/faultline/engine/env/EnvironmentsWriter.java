package dev.faultline.engine.env;

import dev.faultline.engine.spi.BackendSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Writes environments back to the settings file, the inverse of {@link EnvironmentsFile}: reading
 * what it writes gives the same environments. Only what the user defined is written (the built-in
 * {@code sandbox} never is). Credentials are written as the references they are.
 */
public final class EnvironmentsWriter {
    private static final List<String> SECTIONS = List.of(Environment.KUBERNETES, "prometheus", "toxiproxy", "local");
    private final YAMLMapper yaml = YAMLMapper.builder().build();

    public String toYaml(Environments environments) {
        ObjectNode root = yaml.createObjectNode();
        ObjectNode all = root.putObject("environments");
        for (Environment e : environments.userDefined()) {
            if (e.sandbox()) {
                continue;
            }
            ObjectNode n = all.putObject(e.name());
            if (e.production()) {
                n.put("production", true);
            }
            Map<String, BackendSettings> rest = new TreeMap<>(e.backends());
            for (String section : SECTIONS) {
                BackendSettings s = rest.remove(section);
                if (s != null) {
                    values(n.putObject(section), s);
                }
            }
            if (!rest.isEmpty()) {
                ObjectNode backends = n.putObject("backends");
                rest.forEach((id, s) -> values(backends.putObject(id), s));
            }
        }
        return yaml.writeValueAsString(root);
    }

    /** Writes the file atomically (a temporary file moved over it), so a crash never leaves half a file. */
    public void write(Environments environments, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, toYaml(environments), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void values(ObjectNode n, BackendSettings s) {
        new TreeMap<>(s.values().values()).forEach((k, v) -> {
            if (k.equals("namespaces")) {
                ArrayNode list = n.putArray(k);
                for (String item : v.split(",")) {
                    if (!item.isBlank()) {
                        list.add(item.strip());
                    }
                }
            } else if (v.matches("-?[0-9]{1,9}")) {
                n.put(k, Integer.parseInt(v));
            } else if (v.equals("true") || v.equals("false")) {
                n.put(k, Boolean.parseBoolean(v));
            } else {
                n.put(k, v);
            }
        });
    }
}
