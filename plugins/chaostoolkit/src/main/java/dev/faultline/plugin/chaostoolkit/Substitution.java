package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The experiment's {@code configuration} and {@code secrets}, and {@code ${name}} substituted with
 * them as Chaos Toolkit does: a plain configuration value is put in place; a value read from an
 * environment variable ({@code {type: env, key: NAME, default: ...}}) takes the variable's value at
 * import time, else its default, converted to its {@code env_var_type} ({@link EnvConfiguration}),
 * and says so; a secret is never written into a runbook in clear:
 * {@code ${name}} is left as it is and the field is named in a note.
 */
final class Substitution {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Map<String, JsonNode> values = new LinkedHashMap<>();
    private final Set<String> secrets = new HashSet<>();
    private final List<ConversionNote> notes;
    private final Set<String> noted = new HashSet<>();

    /** Where a configuration value that cannot be read is reported: the source's field, and the problem. */
    @FunctionalInterface
    interface ErrorAt {
        ImportException at(String field, String problem);
    }

    /**
     * @throws ImportException when a value read from the environment cannot be converted to its
     *     {@code env_var_type}, located at the configuration entry
     */
    Substitution(
            JsonNode configuration,
            JsonNode secretScopes,
            Map<String, String> env,
            List<ConversionNote> notes,
            ErrorAt errorAt)
            throws ImportException {
        this.notes = notes;
        for (String name : configuration.propertyNames()) {
            JsonNode v = configuration.get(name);
            if (v.isObject() && v.path("type").asString("").equals("env")) {
                try {
                    EnvConfiguration.Read read = EnvConfiguration.read(name, v, env);
                    read.value().ifPresent(value -> values.put(name, value));
                    notes.add(read.note());
                } catch (EnvConfiguration.Unconvertible e) {
                    throw errorAt.at(e.field(), e.problem());
                }
            } else if (v.isObject() && v.has("type")) {
                notes.add(new ConversionNote(
                        "configuration " + name,
                        "a '" + v.path("type").asString() + "' value Faultline cannot read: ${" + name
                                + "} was left in place"));
            } else {
                values.put(name, v);
            }
        }
        for (String scope : secretScopes.propertyNames()) {
            JsonNode s = secretScopes.get(scope);
            if (s.isObject()) {
                secrets.addAll(s.propertyNames());
            }
        }
    }

    boolean isSecret(String name) {
        return secrets.contains(name);
    }

    /** A value, a {@code ${name}} alone takes the type of the value it names (a number stays a number). */
    JsonNode apply(JsonNode n, String where) {
        if (n.isString()) {
            String s = n.asString();
            Matcher whole = VAR.matcher(s);
            if (whole.matches() && values.containsKey(whole.group(1)) && !secrets.contains(whole.group(1))) {
                return values.get(whole.group(1));
            }
            return JsonNodeFactory.instance.stringNode(text(s, where));
        }
        if (n.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            n.forEach(x -> a.add(apply(x, where)));
            return a;
        }
        if (n.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (String k : n.propertyNames()) {
                o.set(k, apply(n.get(k), where));
            }
            return o;
        }
        return n;
    }

    /**
     * A value put inside a text, written as Chaos Toolkit's Python writes it ({@code str(value)}):
     * {@code True}/{@code False} for a boolean, JSON for a list or mapping.
     */
    private static String inText(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean() ? "True" : "False";
        }
        return v.isContainer() || v.isNull() ? v.toString() : v.asString();
    }

    String text(String s, String where) {
        Matcher m = VAR.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = m.group();
            if (secrets.contains(name)) {
                if (noted.add(where + "/" + name)) {
                    notes.add(new ConversionNote(
                            where,
                            "uses the secret '" + name + "', which is never written into a runbook in clear: ${" + name
                                    + "} was left in place; give the value through the environment's settings"));
                }
            } else if (values.containsKey(name)) {
                replacement = inText(values.get(name));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
