package dev.faultline.plugin.chaostoolkit;

import static dev.faultline.plugin.chaostoolkit.PythonTruth.truthy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * chaoslib's {@code activity.py} {@code ensure_activity_is_valid}: a reference, or a typed and named
 * activity with a provider, a numeric timeout, pauses and background of the right kind; and the
 * process and HTTP providers' own checks ({@code provider/process.py}, {@code provider/http.py}).
 * Python providers are checked by {@link PythonProviderRules}. The process provider's path is looked
 * up on the given {@code PATH}.
 */
final class ActivityRules {
    private final List<String> problems;
    private final Map<String, String> env;
    private final PythonProviderRules python;

    ActivityRules(List<String> problems, Map<String, String> env) {
        this.problems = problems;
        this.env = env;
        this.python = new PythonProviderRules(problems);
    }

    void check(JsonNode a) {
        if (!a.isObject() || a.isEmpty()) {
            problems.add("empty activity is no activity");
            return;
        }
        if (a.has("ref") && !a.get("ref").isNull()) {
            if (!a.get("ref").isString() || a.get("ref").asString().isEmpty()) {
                problems.add("reference to activity must be non-empty strings");
            }
            return;
        }
        String type = a.path("type").asString("");
        if (type.isEmpty()) {
            problems.add("an activity must have a type");
            return;
        }
        if (!type.equals("probe") && !type.equals("action")) {
            problems.add("'" + type + "' is not a supported activity type");
            return;
        }
        if (!truthy(a.path("name"))) {
            problems.add("an activity must have a name");
            return;
        }
        String name = a.get("name").asString();
        JsonNode provider = a.path("provider");
        if (!truthy(provider)) {
            problems.add("an activity requires a provider");
            return;
        }
        String pt = provider.path("type").asString("");
        if (pt.isEmpty()) {
            problems.add("a provider must have a type");
            return;
        }
        if (!Set.of("python", "process", "http").contains(pt)) {
            problems.add("unknown provider type '" + pt + "'");
            return;
        }
        if (a.has("timeout") && !a.get("timeout").isNull() && !a.get("timeout").isNumber()) {
            problems.add("activity timeout must be a number");
        }
        pauses(name, a.path("pauses"));
        if (a.has("background") && !a.get("background").isBoolean()) {
            problems.add("activity background must be a boolean");
        }
        switch (pt) {
            case "python" -> python.check(name, type, provider);
            case "process" -> process(name, provider);
            default -> http(provider);
        }
    }

    private void pauses(String name, JsonNode pauses) {
        if (pauses.isMissingNode() || pauses.isNull()) {
            return;
        }
        if (!pauses.isObject()) {
            problems.add(name + ": pauses must be a mapping of before and after");
        }
        for (String when : List.of("before", "after")) {
            JsonNode p = pauses.path(when);
            if (p.isString() && !(p.asString().startsWith("${") && p.asString().endsWith("}"))) {
                problems.add("activity " + when + " pause must be a number or a pattern to a variable from the"
                        + " configuration or secrets");
            }
        }
    }

    private void process(String name, JsonNode provider) {
        String path = provider.path("path").asString("");
        if (path.isEmpty()) {
            problems.add("a process activity must have a path");
        } else if (!onPath(path)) {
            problems.add("path '" + path + "' cannot be found, in activity '" + name + "'");
        }
    }

    private void http(JsonNode provider) {
        if (!truthy(provider.path("url"))) {
            problems.add("a HTTP activity must have a URL");
        }
        JsonNode headers = provider.path("headers");
        if (truthy(headers) && !headers.isObject()) {
            problems.add("a HTTP activities expect headers as a mapping");
        }
    }

    private boolean onPath(String program) {
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program));
        }
        for (String dir : env.getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
