package dev.faultline.plugin.chaostoolkit;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Chaos Toolkit {@code python} provider run as a command: {@code python3 -c SCRIPT ARGS}, where
 * the script imports the module, calls the function with the activity's arguments and prints the
 * result as JSON. With a tolerance it exits 0 only when the result is within it, judged as Chaos
 * Toolkit judges a value (equal to a number, text or boolean; inside a pair's bounds; one of a
 * longer list; a regex found in its text; a {@code range}). The extension must be installed where
 * Faultline runs; configuration and secrets are not passed.
 */
final class PythonCall {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Reads as a Python program; kept on one logical block so that it survives any shell. */
    static final String SCRIPT = String.join(
            "\n",
            "import importlib, json, re, sys",
            "a = json.loads(sys.argv[1])",
            "r = getattr(importlib.import_module(a['module']), a['func'])(**a['arguments'])",
            "print(json.dumps(r, default=str))",
            "t = a.get('tolerance')",
            "if 'tolerance' not in a: sys.exit(0)",
            "if isinstance(t, dict) and t.get('type') == 'range': ok = t['range'][0] <= r <= t['range'][1]",
            "elif isinstance(t, dict) and t.get('type') == 'regex': ok = re.search(t['pattern'], r if isinstance(r, str) else json.dumps(r)) is not None",
            "elif isinstance(t, list) and len(t) == 2: ok = t[0] <= r <= t[1]",
            "elif isinstance(t, list): ok = r in t",
            "else: ok = r == t",
            "sys.exit(0 if ok else 1)");

    private PythonCall() {}

    static boolean judges(@Nullable JsonNode tolerance) {
        if (tolerance == null) {
            return true;
        }
        if (tolerance.isObject()) {
            String type = tolerance.path("type").asString("");
            return type.equals("range") || type.equals("regex");
        }
        return true;
    }

    static List<String> argv(String module, String func, JsonNode arguments, @Nullable JsonNode tolerance) {
        ObjectNode a = JSON.createObjectNode();
        a.put("module", module);
        a.put("func", func);
        a.set("arguments", arguments.isObject() ? arguments : JSON.createObjectNode());
        if (tolerance != null) {
            a.set("tolerance", tolerance);
        }
        return List.of("python3", "-c", SCRIPT, JSON.writeValueAsString(a));
    }
}
