package dev.faultline.engine.runbook;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Limits;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.OutOfRangeException;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Sizes;
import dev.faultline.engine.model.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads the method: fault steps (with their fault and target), waits and wait-untils. */
final class MethodReader {
    static final String DEFAULT_BACKEND = "local";
    private static final Map<String, Set<String>> FAULT_ATTRIBUTES = Map.ofEntries(
            Map.entry("latency", Set.of("latency", "jitter", "correlation")),
            Map.entry("down", Set.of()),
            Map.entry("bandwidth", Set.of("rate")),
            Map.entry("slow-close", Set.of("delay")),
            Map.entry("timeout", Set.of("after")),
            Map.entry("reset-peer", Set.of("after")),
            Map.entry("slicer", Set.of("averageSize", "sizeVariation", "delay")),
            Map.entry("limit-data", Set.of("bytes")),
            Map.entry("http", Set.of("method", "path", "headers", "abort", "delay", "reset", "replaceBody", "corruptBody",
                    "addHeaders")),
            Map.entry("cpu-stress", Set.of("workers", "load")),
            Map.entry("memory-stress", Set.of("size", "growth")),
            Map.entry("disk-stress", Set.of("size", "io", "throughput", "path")),
            Map.entry("process-pause", Set.of()),
            Map.entry("process-kill", Set.of("signal", "restart")),
            Map.entry("process-restart", Set.of("restart")),
            Map.entry("jvm-exception", Set.of("class", "method", "exception", "message")),
            Map.entry("jvm-latency", Set.of("class", "method", "latency")),
            Map.entry("jvm-return", Set.of("class", "method", "value")),
            Map.entry("dependency", Set.of("mode", "latency")));
    private static final Map<String, Set<String>> FAULT_ATTRIBUTES_ALL = merged(FAULT_ATTRIBUTES,
            ClusterFaultReader.ATTRIBUTES);
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

    @Nullable MethodStep read(JsonNode n, String path) {
        String name = n.path("name").asString("");
        int lane = n.path("lane").asInt(0);
        Duration at = n.has("at") ? problems.duration(n, path, "at", null, Limits.SPAN_MAX) : null;
        List<String> kinds = List.of("fault", "wait", "waitUntil").stream().filter(n::has).toList();
        if (kinds.size() != 1) {
            problems.at(path, kinds.isEmpty() ? "step '" + name + "' needs one of fault, wait or waitUntil"
                    : "step '" + name + "' has " + String.join(" and ", kinds) + "; give one per step");
            return null;
        }
        switch (kinds.get(0)) {
            case "wait" -> {
                Duration d = problems.duration(n, path, "wait", null, Limits.SPAN_MAX);
                return d == null ? null : problems.build(LocatedTree.child(path, "wait"),
                        () -> new MethodStep.WaitStep(name, lane, at, d));
            }
            case "waitUntil" -> {
                String up = LocatedTree.child(path, "waitUntil");
                JsonNode u = n.get("waitUntil");
                Duration timeout = problems.duration(u, up, "timeout", null, Limits.SPAN_MAX);
                String probe = u.path("probe").asString("");
                return timeout == null ? null : problems.build(up,
                        () -> new MethodStep.WaitUntilStep(name, lane, at, probe, timeout));
            }
            default -> {
                return faultStep(n, path, name, lane, at);
            }
        }
    }

    private @Nullable MethodStep faultStep(JsonNode n, String path, String name, int lane, @Nullable Duration at) {
        Duration duration = problems.duration(n, path, "duration", null, Limits.SPAN_MAX);
        Fault fault = fault(n.get("fault"), LocatedTree.child(path, "fault"));
        Target target = n.has("target") ? target(n.get("target"), LocatedTree.child(path, "target")) : null;
        if (!n.has("target")) {
            problems.at(path, "step '" + name + "' needs a target, e.g. target: {proxy: payments}");
        }
        double share = 1;
        if (n.has("share")) {
            try {
                share = Shares.parse(n.get("share"));
            } catch (IllegalArgumentException e) {
                problems.at(LocatedTree.child(path, "share"), e.getMessage());
                return null;
            }
        }
        if (duration == null || fault == null || target == null) {
            return null;
        }
        String backend = problems.text(n, "backend", DEFAULT_BACKEND);
        double s = share;
        return problems.build(path, () -> new MethodStep.FaultStep(name, lane, at, duration, backend, fault, target, s));
    }

    private @Nullable Fault fault(JsonNode n, String path) {
        String type = n.path("type").asString("");
        Set<String> allowed = FAULT_ATTRIBUTES_ALL.get(type);
        if (allowed == null) {
            return null; // the schema names the allowed types
        }
        for (String key : n.propertyNames()) {
            if (!key.equals("type") && !allowed.contains(key)) {
                problems.at(LocatedTree.child(path, key), "'" + key + "' does not apply to a " + type + " fault"
                        + (allowed.isEmpty() ? "" : " (it takes " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")"));
            }
        }
        if (ClusterFaultReader.ATTRIBUTES.containsKey(type)) {
            return new ClusterFaultReader(problems).read(type, n, path);
        }
        return switch (type) {
            case "latency" -> {
                Duration latency = problems.duration(n, path, "latency", null, Limits.DELAY_MAX);
                Duration jitter = problems.duration(n, path, "jitter", Duration.ZERO, Limits.DELAY_MAX);
                yield latency == null || jitter == null ? null : problems.build(path, () -> new Fault.Latency(latency,
                        jitter, n.has("correlation") ? Shares.parse(n.get("correlation")) : 0));
            }
            case "down" -> new Fault.Down();
            case "bandwidth" -> required(n, path, "rate") ? problems.build(path, () -> new Fault.Bandwidth(n.get("rate").asLong()))
                    : null;
            case "slow-close" -> {
                Duration delay = problems.duration(n, path, "delay", null, Limits.DELAY_MAX);
                yield delay == null ? null : problems.build(path, () -> new Fault.SlowClose(delay));
            }
            case "timeout", "reset-peer" -> {
                Duration after = problems.duration(n, path, "after", Duration.ZERO, Limits.SPAN_MAX);
                yield after == null ? null : problems.build(path, () -> type.equals("timeout")
                        ? new Fault.ConnectionTimeout(after) : new Fault.ResetPeer(after));
            }
            case "slicer" -> {
                Duration delay = problems.duration(n, path, "delay", Duration.ZERO, Limits.DELAY_MAX);
                yield delay == null || !required(n, path, "averageSize") ? null : problems.build(path,
                        () -> new Fault.Slicer(n.get("averageSize").asLong(), n.path("sizeVariation").asLong(0), delay));
            }
            case "limit-data" -> required(n, path, "bytes")
                    ? problems.build(path, () -> new Fault.LimitData(n.get("bytes").asLong())) : null;
            case "http" -> {
                Duration delay = problems.duration(n, path, "delay", Duration.ZERO, Limits.DELAY_MAX);
                yield delay == null ? null : problems.build(path, () -> new Fault.HttpFault(problems.text(n, "method", ""),
                        problems.text(n, "path", "/**"), strings(n.path("headers")), n.path("abort").asInt(0), delay,
                        n.path("reset").asBoolean(false), problems.text(n, "replaceBody", ""),
                        n.path("corruptBody").asBoolean(false), strings(n.path("addHeaders"))));
            }
            case "cpu-stress" -> cpu(n, path);
            case "memory-stress" -> {
                Long size = size(n, path);
                Long growth = rate(n, path, "growth");
                yield size == null || growth == null ? null : problems.build(path, () -> new Fault.MemoryStress(size, growth));
            }
            case "disk-stress" -> {
                Long size = size(n, path);
                Long throughput = rate(n, path, "throughput");
                Fault.DiskIo io = diskIo(n, path);
                yield size == null || throughput == null || io == null ? null : problems.build(path,
                        () -> new Fault.DiskStress(size, io, throughput, problems.text(n, "path", "")));
            }
            case "process-pause" -> new Fault.ProcessPause();
            case "process-restart" -> new Fault.ProcessRestart(problems.text(n, "restart", ""));
            case "jvm-exception", "jvm-latency", "jvm-return" -> JvmFaultReader.read(problems, n, path, type);
            case "dependency" -> DependencyFaultReader.read(problems, n, path);
            default -> problems.build(path, () -> new Fault.ProcessKill(problems.text(n, "signal", "KILL"),
                    problems.text(n, "restart", "")));
        };
    }

    private @Nullable Fault cpu(JsonNode n, String path) {
        double load = 1;
        if (n.has("load")) {
            try {
                load = Shares.parse(n.get("load"));
            } catch (IllegalArgumentException e) {
                problems.at(path + ".load", e.getMessage());
                return null;
            }
        }
        int percent = (int) Math.round(load * 100);
        return problems.build(path, () -> new Fault.CpuStress(n.path("workers").asInt(1), percent));
    }

    private @Nullable Long size(JsonNode n, String path) {
        if (!required(n, path, "size")) {
            return null;
        }
        try {
            return Sizes.parse(n.get("size").asString(), "size");
        } catch (OutOfRangeException e) {
            problems.at(path + ".size", e.getMessage());
            return null;
        } catch (IllegalArgumentException e) {
            problems.at(path + ".size", "'" + n.get("size").asString() + "' is not a size, e.g. 256MB or 1GiB");
            return null;
        }
    }

    private Fault.@Nullable DiskIo diskIo(JsonNode n, String path) {
        String io = problems.text(n, "io", "write");
        for (Fault.DiskIo d : Fault.DiskIo.values()) {
            if (d.name().equalsIgnoreCase(io)) {
                return d;
            }
        }
        problems.at(path + ".io", "'" + io + "' is not a disk-stress io: write, read or fill");
        return null;
    }

    /** A rate such as {@code 64MB/s}, 0 when the key is absent; null (and a problem) when it is not a rate. */
    private @Nullable Long rate(JsonNode n, String path, String key) {
        if (!n.has(key)) {
            return 0L;
        }
        try {
            return Sizes.parseRate(n.get(key).asString(), key);
        } catch (OutOfRangeException e) {
            problems.at(path + "." + key, e.getMessage());
            return null;
        } catch (IllegalArgumentException e) {
            problems.at(path + "." + key, "'" + n.get(key).asString() + "' is not a rate, e.g. 64MB/s");
            return null;
        }
    }

    private static Map<String, Set<String>> merged(Map<String, Set<String>> a, Map<String, Set<String>> b) {
        Map<String, Set<String>> all = new java.util.HashMap<>(a);
        all.putAll(b);
        return Map.copyOf(all);
    }

    private static Map<String, String> strings(JsonNode n) {
        Map<String, String> out = new TreeMap<>();
        n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return out;
    }

    private boolean required(JsonNode n, String path, String key) {
        if (!n.has(key)) {
            problems.at(path, "a " + n.path("type").asString() + " fault needs '" + key + "'");
            return false;
        }
        return true;
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
            problems.at(kindPath, "give the " + kind + "'s name, or a mapping of " + String.join(", ",
                    new java.util.TreeSet<>(keys)));
            return null;
        }
        Map<String, String> selector = new TreeMap<>();
        for (String key : v.propertyNames()) {
            if (!keys.contains(key) || !v.get(key).isValueNode()) {
                problems.at(LocatedTree.child(kindPath, key), "unknown field '" + key + "' of a " + kind
                        + " target (it takes " + String.join(", ", new java.util.TreeSet<>(keys)) + ")");
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
