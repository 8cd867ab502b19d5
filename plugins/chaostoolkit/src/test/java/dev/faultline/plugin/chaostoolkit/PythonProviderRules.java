package dev.faultline.plugin.chaostoolkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * chaoslib's {@code provider/python.py} {@code validate_python_activity}: a module and a function
 * that can be imported, and the activity's {@code arguments} bound to the function's signature. The
 * import is answered by {@link ExtensionSignatures}: any other module counts as not installed.
 */
final class PythonProviderRules {
    private final List<String> problems;

    PythonProviderRules(List<String> problems) {
        this.problems = problems;
    }

    void check(String name, String type, JsonNode provider) {
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
        Map<String, ExtensionSignatures.Signature> functions =
                ExtensionSignatures.module(module).orElse(null);
        if (functions == null) {
            problems.add("could not find Python module '" + module + "' in activity '" + name + "'");
            return;
        }
        ExtensionSignatures.Signature sig = functions.get(func);
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
}
