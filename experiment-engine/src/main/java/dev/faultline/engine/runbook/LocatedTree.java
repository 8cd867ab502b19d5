package dev.faultline.engine.runbook;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A runbook's YAML as a tree, with where each value and each key stands in the text. Paths are
 * written as people read them: {@code spec.method[1].duration}.
 */
record LocatedTree(JsonNode root, Map<String, SourceMark> values, Map<String, SourceMark> keys) {

    /** Where the value at {@code path} is, else its key, else the nearest enclosing thing. */
    SourceMark markOf(String path) {
        String p = path;
        while (true) {
            SourceMark m = values.get(p);
            if (m == null) {
                m = keys.get(p);
            }
            if (m != null) {
                return m;
            }
            if (p.isEmpty()) {
                return SourceMark.NONE;
            }
            p = parent(p);
        }
    }

    /** Where the key of {@code path} is (for "unknown field"), else its value. */
    SourceMark keyMarkOf(String path) {
        SourceMark m = keys.get(path);
        return m != null ? m : markOf(path);
    }

    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }
}
