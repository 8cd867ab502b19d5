package dev.faultline.plugin.chaostoolkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * The checks Chaos Toolkit's own validator ({@code chaoslib.experiment.ensure_experiment_is_valid}
 * in chaostoolkit-lib) makes, written from reading its rules: Python packages cannot be installed
 * here, so the exported experiments are checked against this reading of them instead. Returns every
 * rule broken, empty when the experiment would be accepted. The process provider's check that its
 * path is an executable on the PATH is made too (against this machine's PATH).
 */
final class ChaosToolkitValidator {
    private final List<String> problems = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    static List<String> check(JsonNode e) {
        ChaosToolkitValidator v = new ChaosToolkitValidator();
        v.experiment(e);
        return v.problems;
    }

    private void experiment(JsonNode e) {
        if (!e.isObject() || e.isEmpty()) {
            problems.add("an empty experiment is not an experiment");
            return;
        }
        if (e.path("title").asString("").isEmpty()) {
            problems.add("experiment requires a title");
        }
        if (e.path("description").asString("").isEmpty()) {
            problems.add("experiment requires a description");
        }
        for (JsonNode t : e.path("tags")) {
            if (!t.isString() || t.asString().isEmpty()) {
                problems.add("experiment tags must be a non-empty string");
            }
        }
        for (JsonNode x : e.path("extensions")) {
            if (x.path("name").asString("").isEmpty()) {
                problems.add("All extensions require a name");
            }
        }
        collect(e);
        JsonNode h = e.get("steady-state-hypothesis");
        if (h != null) {
            if (h.path("title").asString("").isEmpty()) {
                problems.add("hypothesis requires a title");
            }
            for (JsonNode p : h.path("probes")) {
                activity(p);
                if (!p.has("tolerance") && !p.has("ref")) {
                    problems.add("hypothesis probe must have a tolerance entry");
                } else if (p.has("tolerance")) {
                    tolerance(p.get("tolerance"));
                }
            }
        }
        if (!e.has("method")) {
            problems.add("an experiment requires a method, which can be empty");
        }
        for (JsonNode a : e.path("method")) {
            activity(a);
            if (a.has("ref") && !names.contains(a.get("ref").asString())) {
                problems.add("referenced activity '" + a.get("ref").asString() + "' could not be found");
            }
        }
        for (JsonNode a : e.path("rollbacks")) {
            activity(a);
        }
        for (JsonNode c : e.path("controls")) {
            if (c.path("name").asString("").isEmpty()) {
                problems.add("a control must have a name");
            }
        }
    }

    private void collect(JsonNode e) {
        List<JsonNode> all = new ArrayList<>();
        e.path("steady-state-hypothesis").path("probes").forEach(all::add);
        e.path("method").forEach(all::add);
        e.path("rollbacks").forEach(all::add);
        all.forEach(a -> {
            if (a.has("name")) {
                names.add(a.get("name").asString());
            }
        });
    }

    private void activity(JsonNode a) {
        if (a.has("ref")) {
            if (!a.get("ref").isString() || a.get("ref").asString().isEmpty()) {
                problems.add("reference to activity must be non-empty strings");
            }
            return;
        }
        String type = a.path("type").asString("");
        if (!type.equals("probe") && !type.equals("action")) {
            problems.add("'" + type + "' is not a supported activity type");
        }
        String name = a.path("name").asString("");
        if (name.isEmpty()) {
            problems.add("an activity must have a name");
        }
        JsonNode provider = a.path("provider");
        String pt = provider.path("type").asString("");
        if (!Set.of("python", "process", "http").contains(pt)) {
            problems.add(name + ": unknown provider type '" + pt + "'");
            return;
        }
        if (a.has("timeout") && !a.get("timeout").isNumber()) {
            problems.add(name + ": activity timeout must be a number");
        }
        for (String when : List.of("before", "after")) {
            JsonNode p = a.path("pauses").path(when);
            if (p.isString() && !(p.asString().startsWith("${") && p.asString().endsWith("}"))) {
                problems.add(name + ": activity " + when + " pause must be a number or a pattern");
            } else if (!p.isMissingNode() && !p.isString() && !p.isNumber()) {
                problems.add(name + ": activity " + when + " pause must be a number");
            }
        }
        if (a.has("background") && !a.get("background").isBoolean()) {
            problems.add(name + ": activity background must be a boolean");
        }
        switch (pt) {
            case "python" -> {
                if (provider.path("module").asString("").isEmpty()) {
                    problems.add(name + ": a Python activity must have a module path");
                }
                if (provider.path("func").asString("").isEmpty()) {
                    problems.add(name + ": a Python activity must have a function name");
                }
            }
            case "process" -> {
                String path = provider.path("path").asString("");
                if (path.isEmpty()) {
                    problems.add(name + ": a process activity must have a path");
                } else if (!onPath(path)) {
                    problems.add(name + ": path '" + path + "' cannot be found");
                }
                JsonNode args = provider.path("arguments");
                if (!args.isMissingNode() && !args.isArray() && !args.isString() && !args.isObject()) {
                    problems.add(name + ": process arguments must be a list or a string");
                }
            }
            default -> {
                if (provider.path("url").asString("").isEmpty()) {
                    problems.add(name + ": a HTTP activity must have a URL");
                }
                JsonNode t = provider.path("timeout");
                if (!t.isMissingNode() && !t.isNumber() && !(t.isArray() && t.size() == 2)) {
                    problems.add(name + ": HTTP timeout must be a number or a pair");
                }
            }
        }
    }

    private static boolean onPath(String program) {
        if (program.contains("/")) {
            return java.nio.file.Files.isExecutable(java.nio.file.Path.of(program));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private void tolerance(JsonNode t) {
        if (!(t.isBoolean() || t.isIntegralNumber() || t.isArray() || t.isString() || t.isObject())) {
            problems.add(
                    "hypothesis probe tolerance must either be an integer, a string, a boolean or a pair of values");
            return;
        }
        if (!t.isObject()) {
            return;
        }
        switch (t.path("type").asString("")) {
            case "probe" -> activity(t);
            case "regex" -> {
                if (!t.has("pattern")) {
                    problems.add("hypothesis regex probe tolerance must have a `pattern` key");
                } else {
                    try {
                        Pattern.compile(t.get("pattern").asString());
                    } catch (PatternSyntaxException e) {
                        problems.add("hypothesis probe tolerance pattern seems invalid");
                    }
                }
            }
            case "jsonpath" -> {
                if (t.path("path").asString("").strip().isEmpty()) {
                    problems.add("hypothesis jsonpath probe tolerance must have a `path` key");
                }
            }
            case "range" -> {
                JsonNode r = t.path("range");
                if (!r.isArray()
                        || r.size() != 2
                        || !r.get(0).isNumber()
                        || !r.get(1).isNumber()) {
                    problems.add("hypothesis range must be a sequence of two numbers");
                }
            }
            default ->
                problems.add(
                        "hypothesis probe tolerance type '" + t.path("type").asString() + "' is unsupported");
        }
    }
}
