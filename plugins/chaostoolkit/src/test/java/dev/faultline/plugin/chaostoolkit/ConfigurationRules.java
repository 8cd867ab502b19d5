package dev.faultline.plugin.chaostoolkit;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code ensure_experiment_is_valid} checks by loading the configuration and the secrets
 * (chaoslib's {@code configuration.py} {@code load_configuration}, {@code convert_to_type} in
 * {@code __init__.py}, and {@code secret.py} {@code load_secrets}): an environment variable named
 * by the configuration must be set unless a default is given, and its value (or the default) must
 * convert to {@code env_var_type}; one named by the secrets must be set; vault secrets are not read.
 */
final class ConfigurationRules {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern INT = Pattern.compile("\\s*[+-]?\\d+(_\\d+)*\\s*");
    private static final Pattern FLOAT = Pattern.compile(
            "\\s*[+-]?(\\d+(_\\d+)*(\\.(\\d+(_\\d+)*)?)?|\\.\\d+(_\\d+)*)([eE][+-]?\\d+(_\\d+)*)?\\s*"
                    + "|\\s*[+-]?(inf|infinity|nan)\\s*",
            Pattern.CASE_INSENSITIVE);

    private final List<String> problems;
    private final Map<String, String> env;

    ConfigurationRules(List<String> problems, Map<String, String> env) {
        this.problems = problems;
        this.env = env;
    }

    void configuration(JsonNode config) {
        for (Map.Entry<String, JsonNode> c : config.properties()) {
            JsonNode v = c.getValue();
            if (v.isObject() && v.path("type").asString("").equals("env")) {
                String key = v.path("key").asString("");
                if (!env.containsKey(key) && !v.has("default")) {
                    problems.add("Configuration makes reference to an environment key that does not exist: " + key);
                    continue;
                }
                JsonNode type = v.path("env_var_type");
                if (!type.isMissingNode() && !type.isNull()) {
                    converts(
                            type.asString(""),
                            env.containsKey(key) ? JSON.getNodeFactory().stringNode(env.get(key)) : v.get("default"));
                }
            }
        }
    }

    /** As {@code convert_to_type}: false, with chaoslib's (Python's) message, when it raises. */
    private boolean converts(String type, JsonNode value) {
        String s = value.isString() ? value.asString() : null;
        switch (type) {
            case "str", "string", "bytes" -> {
                return true;
            }
            case "int", "integer" -> {
                if (s == null
                        ? value.isNumber() || value.isBoolean()
                        : INT.matcher(s).matches()) {
                    return true;
                }
                problems.add(
                        s == null
                                ? "int() argument must be a string, a bytes-like object or a real number, not '"
                                        + pythonType(value) + "'"
                                : "invalid literal for int() with base 10: '" + s + "'");
                return false;
            }
            case "float", "number" -> {
                if (s == null
                        ? value.isNumber() || value.isBoolean()
                        : FLOAT.matcher(s).matches()) {
                    return true;
                }
                problems.add(
                        s == null
                                ? "float() argument must be a string or a real number, not '" + pythonType(value) + "'"
                                : "could not convert string to float: '" + s + "'");
                return false;
            }
            case "bool" -> {
                if (s != null || value.isBoolean()) {
                    return true;
                }
                problems.add("'" + pythonType(value) + "' object has no attribute 'lower'");
                return false;
            }
            case "json" -> {
                if (s == null || s.isEmpty()) {
                    return true;
                }
                try {
                    JSON.readTree(s);
                    return true;
                } catch (JacksonException e) {
                    // Python's json.loads words its message differently; the refusal is the same
                    problems.add("json.loads: " + e.getOriginalMessage());
                    return false;
                }
            }
            default -> {
                problems.add("variable type can only be: bool, str, int, float, bytes or json");
                return false;
            }
        }
    }

    private static String pythonType(JsonNode v) {
        if (v.isNull()) {
            return "NoneType";
        }
        if (v.isIntegralNumber()) {
            return "int";
        }
        if (v.isNumber()) {
            return "float";
        }
        return v.isArray() ? "list" : "dict";
    }

    void secrets(JsonNode secrets) {
        for (Map.Entry<String, JsonNode> s : secrets.properties()) {
            JsonNode v = s.getValue();
            if (!v.isObject()) {
                continue;
            }
            if (v.path("type").asString("").equals("env")) {
                String key = v.path("key").asString("");
                if (!env.containsKey(key)) {
                    problems.add("Secrets make reference to an environment key that does not exist: " + key);
                }
            } else if (!v.path("type").asString("").equals("vault")) {
                secrets(v);
            }
        }
    }
}
