package dev.faultline.plugin.chaostoolkit;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * chaoslib's {@code hypothesis.py} {@code ensure_hypothesis_tolerance_is_valid}: a value of the
 * accepted kinds, or a mapping of type {@code probe} (an activity), {@code regex}, {@code jsonpath}
 * or {@code range} with its own keys. A JSON path is checked for jsonpath2's root {@code $} and
 * balanced brackets and quotes, not by its full grammar.
 */
final class ToleranceRules {
    private static final String TOLERANCE_TYPES = "hypothesis probe tolerance must either be an integer, a string, a"
            + " boolean or a pair of values for boundaries. It can also be a dictionary which is a probe activity"
            + " definition that takes an argument called `value` with the value of the probe itself to be validated";

    private final List<String> problems;
    private final ActivityRules activities;

    ToleranceRules(List<String> problems, ActivityRules activities) {
        this.problems = problems;
        this.activities = activities;
    }

    void check(JsonNode t) {
        // Python: bool is an int, a float is not
        if (!(t.isBoolean() || t.isIntegralNumber() || t.isArray() || t.isString() || t.isObject())) {
            problems.add(TOLERANCE_TYPES);
            return;
        }
        if (!t.isObject()) {
            return;
        }
        String type = t.path("type").isNull() ? "None" : t.path("type").asString("None");
        switch (type) {
            case "probe" -> activities.check(t);
            case "regex" -> regex(t);
            case "jsonpath" -> jsonPath(t);
            case "range" -> range(t.get("range"));
            default -> problems.add("hypothesis probe tolerance type '" + type + "' is unsupported");
        }
    }

    private void regex(JsonNode t) {
        if (!t.has("pattern")) {
            problems.add("hypothesis regex probe tolerance must have a `pattern` key");
        } else if (!t.get("pattern").isString()) {
            problems.add("hypothesis probe tolerance pattern " + t.get("pattern") + " has an invalid type");
        } else {
            try {
                Pattern.compile(t.get("pattern").asString());
            } catch (PatternSyntaxException e) {
                problems.add("hypothesis probe tolerance pattern "
                        + t.get("pattern").asString() + " seems invalid: " + e.getDescription());
            }
        }
    }

    private void jsonPath(JsonNode t) {
        if (!t.has("path")) {
            problems.add("hypothesis jsonpath probe tolerance must have a `path` key");
        } else if (t.get("path").asString("").strip().isEmpty()) {
            problems.add("hypothesis probe tolerance JSON path cannot be empty");
        } else if (!jsonPathParses(t.get("path").asString().strip())) {
            problems.add("hypothesis probe tolerance JSON path "
                    + t.get("path").asString().strip() + " is invalid");
        }
    }

    private void range(JsonNode r) {
        if (r == null) {
            problems.add("hypothesis range probe tolerance must have a `range` key");
        } else if (!r.isArray()) {
            problems.add("hypothesis range must be a sequence");
        } else if (r.size() != 2) {
            problems.add("hypothesis range sequence must be made of two values");
        } else if (!r.get(0).isNumber()) {
            problems.add("hypothesis range lower boundary must be a number");
        } else if (!r.get(1).isNumber()) {
            problems.add("hypothesis range upper boundary must be a number");
        }
    }

    /** jsonpath2's root {@code $} first, and brackets and quotes that close. */
    private static boolean jsonPathParses(String path) {
        if (!path.startsWith("$")) {
            return false;
        }
        int depth = 0;
        char quote = 0;
        for (char ch : path.toCharArray()) {
            if (quote != 0) {
                quote = ch == quote ? 0 : quote;
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '[' || ch == '(') {
                depth++;
            } else if ((ch == ']' || ch == ')') && --depth < 0) {
                return false;
            }
        }
        return depth == 0 && quote == 0;
    }
}
