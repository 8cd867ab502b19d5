package dev.faultline.plugin.chaostoolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;

/**
 * The checks Chaos Toolkit's own validator makes ({@code chaoslib.experiment.ensure_experiment_is_valid}
 * in chaostoolkit-lib, read at commit 72f814b4 of August 2026: experiment.py, hypothesis.py,
 * activity.py, configuration.py, secret.py, extension.py, control/__init__.py and provider/*.py),
 * written from reading those rules: chaostoolkit cannot be installed here (PyPI is not reachable), so
 * exported experiments are checked against this reading instead. Messages are chaoslib's. Unlike
 * chaoslib, which stops at the first, every problem is listed; empty when the experiment would be
 * accepted.
 *
 * <p>Where chaoslib imports Python: a python provider's module and function, and the binding of its
 * {@code arguments} to the function's signature, are checked against {@link #SIGNATURES}, the
 * signatures of the extension functions an export writes (read from chaostoolkit-kubernetes
 * 5d786b99, chaostoolkit-toxiproxy c1d7c485, chaostoolkit-prometheus 0de417c3); any other module
 * counts as not installed. A python control's module is only required (chaoslib warns when it
 * cannot import it). A JSON path tolerance is checked for jsonpath2's root {@code $} and balanced
 * brackets and quotes, not by its full grammar. The process provider's path is looked up on the
 * given {@code PATH}.
 */
final class ChaosToolkitValidator {
    /** A Python function: its parameters in order, and which of them have no default. */
    record Signature(List<String> parameters, Set<String> required) {}

    /** module → function → signature; {@code configuration} and {@code secrets} left out (chaoslib injects them). */
    static final Map<String, Map<String, Signature>> SIGNATURES = Map.of(
            "chaostoxi.toxic.actions",
            Map.of(
                    "create_toxic",
                    new Signature(
                            List.of("for_proxy", "toxic_name", "toxic_type", "stream", "toxicity", "attributes"),
                            Set.of("for_proxy", "toxic_name", "toxic_type")),
                    "delete_toxic",
                    new Signature(List.of("for_proxy", "toxic_name"), Set.of("for_proxy", "toxic_name"))),
            "chaostoxi.proxy.actions",
            Map.of(
                    "disable_proxy", new Signature(List.of("proxy_name"), Set.of("proxy_name")),
                    "enable_proxy", new Signature(List.of("proxy_name"), Set.of("proxy_name"))),
            "chaosk8s.pod.actions",
            Map.of(
                    "terminate_pods",
                    new Signature(
                            List.of(
                                    "label_selector",
                                    "name_pattern",
                                    "all",
                                    "rand",
                                    "mode",
                                    "qty",
                                    "grace_period",
                                    "ns",
                                    "order"),
                            Set.of())),
            "chaosk8s.crd.actions",
            Map.of(
                    "create_custom_object",
                    new Signature(
                            List.of("group", "version", "plural", "ns", "resource", "resource_as_yaml_file"),
                            Set.of("group", "version", "plural")),
                    "delete_custom_object",
                    new Signature(
                            List.of("group", "version", "plural", "name", "ns"),
                            Set.of("group", "version", "plural", "name"))),
            "chaosprometheus.probes",
            Map.of("query", new Signature(List.of("query", "when", "timeout", "verify_tls"), Set.of("query"))));

    private static final String TOLERANCE_TYPES = "hypothesis probe tolerance must either be an integer, a string, a"
            + " boolean or a pair of values for boundaries. It can also be a dictionary which is a probe activity"
            + " definition that takes an argument called `value` with the value of the probe itself to be validated";

    private final List<String> problems = new ArrayList<>();
    private final Set<String> cached = new HashSet<>();
    private final Map<String, String> env;

    private ChaosToolkitValidator(Map<String, String> env) {
        this.env = env;
    }

    /** Against this process's environment. */
    static List<String> check(JsonNode e) {
        return check(e, System.getenv());
    }

    /** Against {@code env} (the environment {@code chaos run} would see). */
    static List<String> check(JsonNode e, Map<String, String> env) {
        ChaosToolkitValidator v = new ChaosToolkitValidator(env);
        v.experiment(e);
        return v.problems;
    }

    private void experiment(JsonNode e) {
        if (!e.isObject() || e.isEmpty()) {
            problems.add("an empty experiment is not an experiment");
            return;
        }
        if (!truthy(e.path("title"))) {
            problems.add("experiment requires a title");
        }
        if (!truthy(e.path("description"))) {
            problems.add("experiment requires a description");
        }
        for (JsonNode t : e.path("tags")) {
            if (!t.isString() || t.asString().isEmpty()) {
                problems.add("experiment tags must be a non-empty string");
                break;
            }
        }
        for (JsonNode x : e.path("extensions")) {
            if (x.path("name").asString("").strip().isEmpty()) {
                problems.add("All extensions require a non-empty name");
                break;
            }
        }
        configuration(e.path("configuration"));
        secrets(e.path("secrets"));
        // chaoslib caches the method's and the hypothesis' named activities for refs (not the rollbacks')
        e.path("method").forEach(this::cache);
        e.path("steady-state-hypothesis").path("probes").forEach(this::cache);
        JsonNode h = e.get("steady-state-hypothesis");
        if (h != null && !h.isNull()) {
            if (!truthy(h.path("title"))) {
                problems.add("hypothesis requires a title");
            }
            for (JsonNode p : h.path("probes")) {
                activity(p);
                if (!p.has("tolerance")) {
                    problems.add("hypothesis probe must have a tolerance entry");
                } else {
                    tolerance(p.get("tolerance"));
                }
            }
        }
        if (!e.has("method") || e.get("method").isNull()) {
            problems.add("an experiment requires a method, which can be empty for only checking steady state"
                    + " hypothesis ");
        }
        for (JsonNode a : e.path("method")) {
            activity(a);
            String ref = a.path("ref").asString("");
            if (!ref.isEmpty() && !cached.contains(ref)) {
                problems.add("referenced activity '" + ref + "' could not be found in the experiment");
            }
        }
        for (JsonNode a : e.path("rollbacks")) {
            activity(a);
        }
        controls(e);
    }

    private void cache(JsonNode a) {
        if (truthy(a.path("name"))) {
            cached.add(a.get("name").asString());
        }
    }

    private void configuration(JsonNode config) {
        for (Map.Entry<String, JsonNode> c : config.properties()) {
            JsonNode v = c.getValue();
            if (v.isObject() && v.path("type").asString("").equals("env")) {
                String key = v.path("key").asString("");
                if (!env.containsKey(key) && !v.has("default")) {
                    problems.add("Configuration makes reference to an environment key that does not exist: " + key);
                }
            }
        }
    }

    private void secrets(JsonNode secrets) {
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

    private void activity(JsonNode a) {
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
        JsonNode pauses = a.path("pauses");
        if (!pauses.isMissingNode() && !pauses.isNull()) {
            if (!pauses.isObject()) {
                problems.add(name + ": pauses must be a mapping of before and after");
            }
            for (String when : List.of("before", "after")) {
                JsonNode p = pauses.path(when);
                if (p.isString()
                        && !(p.asString().startsWith("${") && p.asString().endsWith("}"))) {
                    problems.add("activity " + when + " pause must be a number or a pattern to a variable from the"
                            + " configuration or secrets");
                }
            }
        }
        if (a.has("background") && !a.get("background").isBoolean()) {
            problems.add("activity background must be a boolean");
        }
        switch (pt) {
            case "python" -> python(a, name, type, provider);
            case "process" -> {
                String path = provider.path("path").asString("");
                if (path.isEmpty()) {
                    problems.add("a process activity must have a path");
                } else if (!onPath(path)) {
                    problems.add("path '" + path + "' cannot be found, in activity '" + name + "'");
                }
            }
            default -> {
                if (!truthy(provider.path("url"))) {
                    problems.add("a HTTP activity must have a URL");
                }
                JsonNode headers = provider.path("headers");
                if (truthy(headers) && !headers.isObject()) {
                    problems.add("a HTTP activities expect headers as a mapping");
                }
            }
        }
    }

    private void python(JsonNode a, String name, String type, JsonNode provider) {
        String module = provider.path("module").asString("");
        if (module.isEmpty()) {
            problems.add("a Python activity must have a module path");
            return;
        }
        String func = provider.path("func").asString("");
        if (func.isEmpty()) {
            problems.add("a Python activity must have a function name");
            return;
        }
        Map<String, Signature> functions = SIGNATURES.get(module);
        if (functions == null) {
            problems.add("could not find Python module '" + module + "' in activity '" + name + "'");
            return;
        }
        Signature sig = functions.get(func);
        if (sig == null) {
            problems.add("The python module '" + module + "' does not expose a function called '" + func + "' in "
                    + type + " '" + name + "'");
            return;
        }
        Map<String, JsonNode> args = new LinkedHashMap<>();
        provider.path("arguments").properties().forEach(p -> args.put(p.getKey(), p.getValue()));
        // as inspect.Signature.bind: the first required parameter missing, else the first unexpected one;
        // chaoslib names the function where it says "activity"
        for (String p : sig.parameters()) {
            if (sig.required().contains(p) && !args.containsKey(p)) {
                problems.add("required argument '" + p + "' is missing from activity '" + func + "'");
                return;
            }
        }
        for (String given : args.keySet()) {
            if (!sig.parameters().contains(given) && !given.equals("configuration") && !given.equals("secrets")) {
                problems.add(
                        "argument '" + given + "' is not part of the function signature in activity '" + func + "'");
                return;
            }
        }
    }

    /** Every control: the experiment's, the hypothesis', and each activity's. */
    private void controls(JsonNode e) {
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
            if (c.has("ref") && !declared.contains(c.get("ref").asString())) {
                problems.add("Control reference '{}' declaration cannot be found");
                continue;
            }
            if (!c.has("name")) {
                problems.add("A control must have a `name` property");
                continue;
            }
            String name = c.get("name").asString();
            if (!c.has("provider")) {
                problems.add("Control '" + name + "' must have a `provider` property");
                continue;
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

    private void tolerance(JsonNode t) {
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
            case "probe" -> activity(t);
            case "regex" -> {
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
            case "jsonpath" -> {
                if (!t.has("path")) {
                    problems.add("hypothesis jsonpath probe tolerance must have a `path` key");
                } else if (t.get("path").asString("").strip().isEmpty()) {
                    problems.add("hypothesis probe tolerance JSON path cannot be empty");
                } else if (!jsonPath(t.get("path").asString().strip())) {
                    problems.add("hypothesis probe tolerance JSON path "
                            + t.get("path").asString().strip() + " is invalid");
                }
            }
            case "range" -> {
                JsonNode r = t.get("range");
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
            default -> problems.add("hypothesis probe tolerance type '" + type + "' is unsupported");
        }
    }

    /** jsonpath2's root {@code $} first, and brackets and quotes that close. */
    private static boolean jsonPath(String path) {
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

    /** Python's truth of a JSON value: present, not null, not false, not empty, not zero. */
    private static boolean truthy(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            return v.asDouble() != 0;
        }
        if (v.isString()) {
            return !v.asString().isEmpty();
        }
        return !v.isEmpty();
    }
}
