package dev.faultline.plugin.chaostoolkit;

import static dev.faultline.plugin.chaostoolkit.PythonTruth.truthy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The checks Chaos Toolkit's own validator makes ({@code chaoslib.experiment.ensure_experiment_is_valid}
 * in chaostoolkit-lib, read at commit 72f814b4 of August 2026), written from reading those rules:
 * chaostoolkit cannot be installed here (PyPI is not reachable), so exported experiments are checked
 * against this reading instead. Messages are chaoslib's. Unlike chaoslib, which stops at the first,
 * every problem is listed; empty when the experiment would be accepted.
 *
 * <p>This class holds experiment.py's own rules (title, description, tags, the method, references)
 * and their order; each group of the other rules is a class of its own, after the chaoslib module
 * it is read from: {@link ConfigurationRules} (configuration.py, secret.py), {@link ActivityRules}
 * (activity.py, provider/process.py, provider/http.py), {@link PythonProviderRules}
 * (provider/python.py, against {@link ExtensionSignatures}), {@link ToleranceRules} (hypothesis.py),
 * {@link ControlRules} (control/__init__.py).
 */
final class ChaosToolkitValidator {
    private final List<String> problems = new ArrayList<>();
    private final Set<String> cached = new HashSet<>();
    private final ConfigurationRules configuration;
    private final ActivityRules activities;
    private final ToleranceRules tolerances;
    private final ControlRules controls;

    private ChaosToolkitValidator(Map<String, String> env) {
        this.configuration = new ConfigurationRules(problems, env);
        this.activities = new ActivityRules(problems, env);
        this.tolerances = new ToleranceRules(problems, activities);
        this.controls = new ControlRules(problems);
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
        configuration.configuration(e.path("configuration"));
        configuration.secrets(e.path("secrets"));
        // chaoslib caches the method's and the hypothesis' named activities for refs (not the rollbacks')
        e.path("method").forEach(this::cache);
        e.path("steady-state-hypothesis").path("probes").forEach(this::cache);
        hypothesis(e.get("steady-state-hypothesis"));
        if (!e.has("method") || e.get("method").isNull()) {
            problems.add("an experiment requires a method, which can be empty for only checking steady state"
                    + " hypothesis ");
        }
        for (JsonNode a : e.path("method")) {
            activities.check(a);
            String ref = a.path("ref").asString("");
            if (!ref.isEmpty() && !cached.contains(ref)) {
                problems.add("referenced activity '" + ref + "' could not be found in the experiment");
            }
        }
        for (JsonNode a : e.path("rollbacks")) {
            activities.check(a);
        }
        controls.check(e);
    }

    /** hypothesis.py {@code ensure_hypothesis_is_valid}: a title, and probes with a tolerance. */
    private void hypothesis(JsonNode h) {
        if (h == null || h.isNull()) {
            return;
        }
        if (!truthy(h.path("title"))) {
            problems.add("hypothesis requires a title");
        }
        for (JsonNode p : h.path("probes")) {
            activities.check(p);
            if (!p.has("tolerance")) {
                problems.add("hypothesis probe must have a tolerance entry");
            } else {
                tolerances.check(p.get("tolerance"));
            }
        }
    }

    private void cache(JsonNode a) {
        if (truthy(a.path("name"))) {
            cached.add(a.get("name").asString());
        }
    }
}
