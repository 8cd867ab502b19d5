package dev.faultline.plugin.chaostoolkit;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A JSON or YAML document read into a tree whose every field knows its line, so that an error can
 * say {@code experiment.yaml:14: method[2].provider.path: ...}. Paths are written as Chaos Toolkit
 * users read them: {@code steady-state-hypothesis.probes[0].tolerance}.
 */
final class LocatedSource {
    private static final int MAX_DEPTH = 64;
    private static final int MAX_CHARS = 4 * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final JsonNode root;
    private final Map<String, Integer> lines;
    private final boolean json;

    private LocatedSource(JsonNode root, Map<String, Integer> lines, boolean json) {
        this.root = root;
        this.lines = lines;
        this.json = json;
    }

    /** Whether the text is JSON (it starts with a brace), else it is read as YAML. */
    static boolean looksLikeJson(String text) {
        return text.stripLeading().startsWith("{");
    }

    /**
     * Reads the text.
     *
     * @throws Malformed with the line, when it is neither valid JSON nor valid YAML
     */
    static LocatedSource read(String text) throws Malformed {
        if (text.length() > MAX_CHARS) {
            throw new Malformed(
                    0, "the file is " + text.length() + " characters long; at most " + MAX_CHARS + " are read");
        }
        boolean json = looksLikeJson(text);
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = json ? JSON.createParser(text) : YAML.createParser(text)) {
            if (p.nextToken() == null) {
                throw new Malformed(0, "the file is empty");
            }
            JsonNode root = value(p, "", 0, lines);
            return new LocatedSource(root, lines, json);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            String m = String.valueOf(e.getOriginalMessage());
            throw new Malformed(
                    line,
                    "not valid " + (json ? "JSON" : "YAML") + ": "
                            + m.lines().findFirst().orElse(m));
        } catch (RuntimeException e) {
            throw new Malformed(0, "not valid " + (json ? "JSON" : "YAML") + ": " + e.getMessage());
        }
    }

    private static JsonNode value(JsonParser p, String path, int depth, Map<String, Integer> lines) {
        JsonToken t = p.currentToken();
        lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("lists and mappings are nested more than " + MAX_DEPTH + " levels deep");
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (t == JsonToken.START_OBJECT) {
            ObjectNode o = nodes.objectNode();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                String child = child(path, key);
                lines.putIfAbsent(child, p.currentTokenLocation().getLineNr());
                p.nextToken();
                o.set(key, value(p, child, depth + 1, lines));
            }
            return o;
        }
        if (t == JsonToken.START_ARRAY) {
            ArrayNode a = nodes.arrayNode();
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                a.add(value(p, index(path, i++), depth + 1, lines));
            }
            return a;
        }
        return switch (t) {
            case VALUE_NUMBER_INT -> nodes.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> nodes.stringNode(p.getString());
        };
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    JsonNode root() {
        return root;
    }

    boolean json() {
        return json;
    }

    /** The line of {@code path}, or of its nearest parent that has one; 0 when none. */
    int line(String path) {
        String p = path;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            if (p.isEmpty()) {
                return 0;
            }
            int dot = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = dot < 0 ? "" : p.substring(0, dot);
        }
    }

    /** Text that is neither JSON nor YAML. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        Malformed(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    static @Nullable String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() || v.isContainer() ? null : v.asString();
    }
}
