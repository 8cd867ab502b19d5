package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.spi.interop.ConversionNote;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A configuration value Chaos Toolkit reads from an environment variable,
 * {@code {type: env, key: NAME, default: ..., env_var_type: ...}}, read as chaostoolkit-lib's
 * {@code load_configuration} reads it: the variable when it is set, else the {@code default}; then
 * converted to {@code env_var_type}. {@code str}/{@code string} or none keeps the value as it is;
 * {@code int}/{@code integer} and {@code float}/{@code number} make a number of it (Python's
 * {@code int()} and {@code float()}: a text of digits, a number; an integer from a fraction drops
 * the fraction); {@code bool} is false for {@code false}, {@code 0} and {@code no} in any case and
 * true for any other text; {@code json} parses a text as JSON; {@code bytes} stays text. Faultline
 * reads the variable once, at import time; Chaos Toolkit at every run: the note says which was used.
 */
final class EnvConfiguration {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern INT = Pattern.compile("[+-]?\\d+(_\\d+)*");
    private static final Pattern FLOAT =
            Pattern.compile("[+-]?(\\d+(_\\d+)*(\\.(\\d+(_\\d+)*)?)?|\\.\\d+(_\\d+)*)([eE][+-]?\\d+(_\\d+)*)?");
    private static final Set<String> FALSE = Set.of("false", "0", "no");
    private static final int SHOWN = 60;

    private EnvConfiguration() {}

    /** A value that cannot be made into its {@code env_var_type}: at which field, and why. */
    static final class Unconvertible extends Exception {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final String problem;

        Unconvertible(String field, String problem) {
            super(problem);
            this.field = field;
            this.problem = problem;
        }

        String field() {
            return field;
        }

        String problem() {
            return problem;
        }
    }

    /** The value and what the import says about it; no value when the variable is unset and has no default. */
    record Read(Optional<JsonNode> value, ConversionNote note) {}

    /**
     * Reads configuration {@code name}, an entry of {@code type: env}, with the environment variables
     * of the import.
     *
     * @throws Unconvertible when {@code env_var_type} is not one Chaos Toolkit knows, or the value
     *     cannot be converted to it
     */
    static Read read(String name, JsonNode entry, Map<String, String> env) throws Unconvertible {
        String path = "configuration." + name;
        String key = entry.path("key").asString("");
        JsonNode typeNode = entry.path("env_var_type");
        String type = typeNode.isMissingNode() || typeNode.isNull() ? "str" : typeNode.asString("");
        String as = Set.of("str", "string").contains(type(type, path)) ? "" : " (env_var_type " + type + ")";
        ConversionNote note;
        JsonNode raw;
        String from;
        String field;
        String source = "configuration " + name;
        if (env.containsKey(key)) {
            raw = JsonNodeFactory.instance.stringNode(env.get(key));
            from = "the environment variable " + key + " (" + shown(raw) + ")";
            field = path;
            String overDefault = entry.has("default")
                    ? " (Chaos Toolkit prefers it to the default " + shown(entry.get("default")) + ")"
                    : "";
            note = new ConversionNote(
                    source,
                    "read from the environment variable " + key + ", which is set at import time: its value was"
                            + " written into the runbook" + as + " in place of ${" + name + "}" + overDefault
                            + "; Chaos Toolkit reads it at every run, Faultline read it once");
        } else if (entry.has("default")) {
            raw = entry.get("default");
            from = "the default " + shown(raw);
            field = path + ".default";
            note = new ConversionNote(
                    source,
                    "read from the environment variable " + key + ", which is not set at import time: its default "
                            + shown(raw) + " was written into the runbook" + as + " in place of ${" + name
                            + "}; set " + key + " and import again to use another value");
        } else {
            return new Read(
                    Optional.empty(),
                    new ConversionNote(
                            source,
                            "read from the environment variable " + key + ", which is not set and has no default: ${"
                                    + name + "} was left in place"));
        }
        return new Read(Optional.of(convert(type, raw, field, from)), note);
    }

    private static String type(String type, String path) throws Unconvertible {
        String t = type.toLowerCase(Locale.ROOT);
        if (!Set.of("str", "string", "int", "integer", "float", "number", "bool", "json", "bytes")
                .contains(type)) {
            throw new Unconvertible(
                    path + ".env_var_type",
                    "env_var_type '" + type + "' is not a type Chaos Toolkit converts to: bool, str (string), int"
                            + " (integer), float (number), bytes or json" + (t.equals(type) ? "" : ", in lower case"));
        }
        return type;
    }

    private static JsonNode convert(String type, JsonNode raw, String field, String from) throws Unconvertible {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (type) {
            case "int", "integer" -> nodes.numberNode(integer(raw, field, from));
            case "float", "number" -> nodes.numberNode(decimal(raw, field, from));
            case "bool" -> {
                if (raw.isBoolean()) {
                    yield raw;
                }
                if (!raw.isString()) {
                    throw new Unconvertible(field, from + " is not a text or true/false, so it cannot be a bool");
                }
                yield nodes.booleanNode(!FALSE.contains(raw.asString().toLowerCase(Locale.ROOT)));
            }
            case "json" -> {
                if (!raw.isString() || raw.asString().isEmpty()) {
                    yield raw;
                }
                try {
                    yield JSON.readTree(raw.asString());
                } catch (JacksonException e) {
                    String m = String.valueOf(e.getOriginalMessage());
                    throw new Unconvertible(
                            field,
                            from + " is not JSON: " + m.lines().findFirst().orElse(m));
                }
            }
            default -> raw;
        };
    }

    private static BigInteger integer(JsonNode raw, String field, String from) throws Unconvertible {
        if (raw.isBoolean()) {
            return raw.asBoolean() ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (raw.isIntegralNumber()) {
            return raw.bigIntegerValue();
        }
        if (raw.isNumber() && Double.isFinite(raw.doubleValue())) {
            return new BigDecimal(raw.doubleValue())
                    .setScale(0, RoundingMode.DOWN)
                    .toBigIntegerExact();
        }
        String s = raw.isString() ? raw.asString().strip() : "";
        if (!INT.matcher(s).matches()) {
            throw new Unconvertible(field, from + " is not a whole number, as env_var_type int asks");
        }
        return new BigInteger(s.replace("_", ""));
    }

    private static double decimal(JsonNode raw, String field, String from) throws Unconvertible {
        double d;
        if (raw.isBoolean()) {
            d = raw.asBoolean() ? 1 : 0;
        } else if (raw.isNumber()) {
            d = raw.doubleValue();
        } else {
            String s = raw.isString() ? raw.asString().strip() : "";
            if (!FLOAT.matcher(s).matches()) {
                throw new Unconvertible(field, from + " is not a number, as env_var_type float asks");
            }
            d = Double.parseDouble(s.replace("_", ""));
        }
        if (!Double.isFinite(d)) {
            throw new Unconvertible(field, from + " is too large to be a number in a runbook");
        }
        return d;
    }

    /** A value as the user wrote it, quoted, and cut short when long. */
    private static String shown(JsonNode v) {
        String s = v.isString() ? v.asString() : v.toString();
        return "'" + (s.length() > SHOWN ? s.substring(0, SHOWN) + "..." : s) + "'";
    }
}
