package dev.faultline.plugin.chaostoolkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * chaoslib's {@code control/__init__.py} {@code validate_controls}: every control (the experiment's,
 * the hypothesis', each activity's) is a reference to a declared one, or has a name, a provider, a
 * scope of {@code before}/{@code after} and, for a python provider, a module. A python control's
 * module is only required: chaoslib warns, and goes on, when it cannot import it.
 */
final class ControlRules {
    private final List<String> problems;

    ControlRules(List<String> problems) {
        this.problems = problems;
    }

    void check(JsonNode e) {
        List<JsonNode> all = new ArrayList<>();
        e.path("controls").forEach(all::add);
        e.path("steady-state-hypothesis").path("controls").forEach(all::add);
        for (String section : List.of("method", "rollbacks")) {
            e.path(section).forEach(a -> a.path("controls").forEach(all::add));
        }
        e.path("steady-state-hypothesis")
                .path("probes")
                .forEach(a -> a.path("controls").forEach(all::add));
        Set<String> declared = new HashSet<>();
        all.stream()
                .filter(c -> !c.has("ref") && c.has("name"))
                .forEach(c -> declared.add(c.get("name").asString()));
        for (JsonNode c : all) {
            control(c, declared);
        }
    }

    private void control(JsonNode c, Set<String> declared) {
        if (c.has("ref") && !declared.contains(c.get("ref").asString())) {
            problems.add("Control reference '{}' declaration cannot be found");
            return;
        }
        if (!c.has("name")) {
            problems.add("A control must have a `name` property");
            return;
        }
        String name = c.get("name").asString();
        if (!c.has("provider")) {
            problems.add("Control '" + name + "' must have a `provider` property");
            return;
        }
        String scope = c.path("scope").asString("");
        if (!scope.isEmpty() && !scope.equals("before") && !scope.equals("after")) {
            problems.add("Control '" + name + "' scope property must be 'before' or 'after' only");
        }
        if (c.path("provider").path("type").asString("").equals("python")
                && c.path("provider").path("module").asString("").isEmpty()) {
            problems.add("Control '" + name + "' must have a module path");
        }
    }
}
