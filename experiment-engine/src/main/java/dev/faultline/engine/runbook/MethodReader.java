package dev.faultline.engine.runbook;

import dev.faultline.engine.model.Command;
import dev.faultline.engine.model.CommandStep;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.FaultKind;
import dev.faultline.engine.model.FaultKinds;
import dev.faultline.engine.model.Limits;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.model.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads the method: fault steps (with their fault and target), waits and wait-untils. */
final class MethodReader {
    static final String DEFAULT_BACKEND = "local";
    private static final Map<String, Set<String>> TARGET_KEYS = Map.of(
            "proxy", Set.of("name"),
            "process", Set.of("name", "pid", "pidFile"),
            "host", Set.of("name"),
            "httpProxy", Set.of("name"),
            "jvm", Set.of("name", "pid", "pidFile"));

    private final Problems problems;

    MethodReader(Problems problems) {
        this.problems = problems;
    }

    @Nullable
    MethodStep read(JsonNode n, String path) {
        String name = n.path("name").asString("");
        int lane = n.path("lane").asInt(0);
        Duration at = n.has("at") ? problems.duration(n, path, "at", null, Limits.SPAN_MAX) : null;
        List<String> kinds = List.of("fault", "wait", "waitUntil", "command").stream()
                .filter(n::has)
                .toList();
        if (kinds.size() != 1) {
            problems.at(
                    path,
                    kinds.isEmpty()
                            ? "step '" + name + "' needs one of fault, wait, waitUntil or command"
                            : "step '" + name + "' has " + String.join(" and ", kinds) + "; give one per step");
            return null;
        }
        switch (kinds.get(0)) {
            case "wait" -> {
                Duration d = problems.duration(n, path, "wait", null, Limits.SPAN_MAX);
                return d == null
                        ? null
                        : problems.build(
                                LocatedTree.child(path, "wait"), () -> new MethodStep.WaitStep(name, lane, at, d));
            }
            case "waitUntil" -> {
                String up = LocatedTree.child(path, "waitUntil");
                JsonNode u = n.get("waitUntil");
                Duration timeout = problems.duration(u, up, "timeout", null, Limits.SPAN_MAX);
                String probe = u.path("probe").asString("");
                return timeout == null
                        ? null
                        : problems.build(up, () -> new MethodStep.WaitUntilStep(name, lane, at, probe, timeout));
            }
            case "command" -> {
                String cp = LocatedTree.child(path, "command");
                Command command = CommandYaml.read(n.get("command"), cp, problems, Set.of());
                return command == null ? null : problems.build(cp, () -> new CommandStep(name, lane, at, command));
            }
            default -> {
                return faultStep(n, path, name, lane, at);
            }
        }
    }

    private @Nullable MethodStep faultStep(JsonNode n, String path, String name, int lane, @Nullable Duration at) {
        if (n.has("rollout")) {
            return rolledOut(n, path, name, lane, at);
        }
        Duration duration = problems.duration(n, path, "duration", null, Limits.SPAN_MAX);
        Fault fault = fault(n.get("fault"), LocatedTree.child(path, "fault"));
        Target target = target(n, path, name);
        double share = 1;
        if (n.has("share")) {
            try {
                share = Shares.parse(n.get("share"));
            } catch (IllegalArgumentException e) {
                problems.at(LocatedTree.child(path, "share"), e);
                return null;
            }
        }
        if (duration == null || fault == null || target == null) {
            return null;
        }
        String backend = problems.text(n, "backend", DEFAULT_BACKEND);
        double s = share;
        return problems.build(
                path, () -> new MethodStep.FaultStep(name, lane, at, duration, backend, fault, target, s));
    }

    /** A fault step with a rollout: its length and share come from the stages, so it takes neither. */
    private @Nullable MethodStep rolledOut(JsonNode n, String path, String name, int lane, @Nullable Duration at) {
        for (String taken : List.of("duration", "share")) {
            if (n.has(taken)) {
                problems.at(
                        LocatedTree.child(path, taken),
                        "a step with a rollout takes its " + taken + " from its stages"
                                + (taken.equals("share") ? " (the widest)" : " (hold × stages)")
                                + "; remove '" + taken + "'");
            }
        }
        Fault fault = fault(n.get("fault"), LocatedTree.child(path, "fault"));
        Target target = target(n, path, name);
        Rollout rollout = new RolloutReader(problems).read(n.get("rollout"), LocatedTree.child(path, "rollout"));
        if (fault == null || target == null || rollout == null) {
            return null;
        }
        String backend = problems.text(n, "backend", DEFAULT_BACKEND);
        return problems.build(
                path, () -> MethodStep.FaultStep.rolledOut(name, lane, at, backend, fault, target, rollout));
    }

    private @Nullable Target target(JsonNode n, String path, String name) {
        if (!n.has("target")) {
            problems.at(path, "step '" + name + "' needs a target, e.g. target: {proxy: payments}");
            return null;
        }
        return target(n.get("target"), LocatedTree.child(path, "target"));
    }

    private @Nullable Fault fault(JsonNode n, String path) {
        String type = n.path("type").asString("");
        Optional<FaultKind<?>> found = FaultKinds.named(type);
        if (found.isEmpty()) {
            return null; // the schema names the allowed types
        }
        FaultKind<?> kind = found.get();
        Set<String> allowed = kind.attributeNames();
        for (String key : n.propertyNames()) {
            if (!key.equals("type") && !allowed.contains(key)) {
                problems.at(
                        LocatedTree.child(path, key),
                        "'" + key + "' does not apply to a " + type + " fault"
                                + (allowed.isEmpty()
                                        ? ""
                                        : " (it takes " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")"));
            }
        }
        return kind.read(new JsonFaultFields(problems, n, path));
    }

    private @Nullable Target target(JsonNode n, String path) {
        if (n.size() != 1) {
            return null; // the schema says: exactly one kind
        }
        String kind = n.propertyNames().iterator().next();
        String kindPath = LocatedTree.child(path, kind);
        JsonNode v = n.get(kind);
        Set<String> keys = TARGET_KEYS.get(kind);
        if (KubernetesTargets.isKubernetes(kind)) {
            return KubernetesTargets.read(problems, kind, v, kindPath);
        }
        if (keys == null) {
            java.util.Set<String> known = new java.util.TreeSet<>(TARGET_KEYS.keySet());
            known.addAll(KubernetesTargets.KEYS.keySet());
            problems.at(kindPath, "unknown target kind '" + kind + "' (known: " + String.join(", ", known) + ")");
            return null;
        }
        if (v.isValueNode() && !v.isNull()) {
            return new Target(kind, Params.of("name", v.asString()));
        }
        if (!v.isObject() || v.size() == 0) {
            problems.at(
                    kindPath,
                    "give the " + kind + "'s name, or a mapping of "
                            + String.join(", ", new java.util.TreeSet<>(keys)));
            return null;
        }
        Map<String, String> selector = new TreeMap<>();
        for (String key : v.propertyNames()) {
            if (!keys.contains(key) || !v.get(key).isValueNode()) {
                problems.at(
                        LocatedTree.child(kindPath, key),
                        "unknown field '" + key + "' of a " + kind + " target (it takes "
                                + String.join(", ", new java.util.TreeSet<>(keys)) + ")");
                return null;
            }
            selector.put(key, v.get(key).asString());
        }
        if ((kind.equals("process") || kind.equals("jvm")) && selector.size() != 1) {
            problems.at(kindPath, "a " + kind + " target is found by one of name, pid or pidFile, not several");
            return null;
        }
        return new Target(kind, new Params(selector));
    }
}
