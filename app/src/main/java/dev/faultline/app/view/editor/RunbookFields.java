package dev.faultline.app.view.editor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and sets one field of a runbook by the path the loader names in its problems
 * ({@code spec.method[1].fault.latency}), so a form field and the loader's error agree on where.
 */
final class RunbookFields {
    private final YAMLMapper yaml = YAMLMapper.builder().build();

    JsonNode tree(String text) {
        return yaml.readTree(text);
    }

    String text(JsonNode tree) {
        return yaml.writeValueAsString(tree);
    }

    /** The node at {@code path}, or a missing node. */
    JsonNode get(JsonNode root, String path) {
        JsonNode at = root;
        for (String part : parts(path)) {
            at = part.startsWith("[") ? at.path(Integer.parseInt(part.substring(1, part.length() - 1))) : at.path(part);
        }
        return at;
    }

    /**
     * Sets {@code path} to {@code value}, read as YAML (so {@code 20} is a number, {@code 150ms}
     * text and {@code {proxy: payments}} a mapping); a blank value removes the field. Mappings on the way are created.
     */
    void set(JsonNode root, String path, String value) {
        String[] parts = parts(path);
        JsonNode at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            String p = parts[i];
            JsonNode next = p.startsWith("[") ? at.path(index(p)) : at.path(p);
            if (next.isMissingNode() && at instanceof ObjectNode o) {
                next = o.putObject(p);
            }
            at = next;
        }
        String last = parts[parts.length - 1];
        if (!(at instanceof ObjectNode o)) {
            if (at instanceof ArrayNode a && last.startsWith("[")) {
                a.set(index(last), scalar(value));
                return;
            }
            throw new IllegalArgumentException("no field " + path);
        }
        if (value.isBlank()) {
            o.remove(last);
        } else {
            o.set(last, scalar(value));
        }
    }

    private JsonNode scalar(String value) {
        String v = value.strip();
        try {
            JsonNode n = yaml.readTree(v);
            if (n != null && !n.isMissingNode()) {
                return n; // a scalar, or a flow mapping or list such as {proxy: payments}
            }
        } catch (RuntimeException e) {
            // not a plain scalar: keep it as text
        }
        return yaml.getNodeFactory().stringNode(v);
    }

    /** A mapping or list in YAML's flow style, as one line for a form: {@code {proxy: payments}}. */
    static String flow(JsonNode n) {
        if (n.isObject()) {
            StringBuilder b = new StringBuilder("{");
            n.properties()
                    .forEach(e -> b.append(b.length() > 1 ? ", " : "")
                            .append(e.getKey())
                            .append(": ")
                            .append(flow(e.getValue())));
            return b.append('}').toString();
        }
        if (n.isArray()) {
            StringBuilder b = new StringBuilder("[");
            n.values().forEach(v -> b.append(b.length() > 1 ? ", " : "").append(flow(v)));
            return b.append(']').toString();
        }
        String v = n.asString();
        return n.isString()
                        && (v.isEmpty()
                                || v.matches(".*[:{}\\[\\],#&*!|>'\"@`].*")
                                || v.startsWith("%")
                                || !v.strip().equals(v))
                ? "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                : v;
    }

    private static int index(String part) {
        return Integer.parseInt(part.substring(1, part.length() - 1));
    }

    private static String[] parts(String path) {
        return path.replace("[", ".[").split("\\.");
    }
}
