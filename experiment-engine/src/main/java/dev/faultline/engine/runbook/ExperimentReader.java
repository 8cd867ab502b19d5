package dev.faultline.engine.runbook;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Hypothesis;
import dev.faultline.engine.model.Limits;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.RollbackAction;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.model.StopCondition;
import dev.faultline.engine.model.Timing;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.run.BlastRadiusRules;
import dev.faultline.engine.spi.MetricSourceProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns a schema-valid runbook tree into an {@link Experiment}, checking what a schema cannot:
 * durations, tolerances, unique names, probe references, the blast radius against the timeline.
 * Returns null when anything is wrong; every problem is in {@link Problems}.
 */
final class ExperimentReader {
    private final Problems problems;
    private final ProbeReader probes;
    private final MethodReader method;

    ExperimentReader(Problems problems, Map<String, MetricSourceProvider> probeTypes) {
        this.problems = problems;
        this.probes = new ProbeReader(problems, probeTypes);
        this.method = new MethodReader(problems);
    }

    @Nullable
    Experiment read(JsonNode root) {
        JsonNode meta = root.get("metadata");
        JsonNode spec = root.get("spec");
        String name = meta.path("name").asString();
        Map<String, String> labels = new TreeMap<>();
        meta.path("labels")
                .properties()
                .forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
        Timing timing = timing(spec.path("timing"));
        Hypothesis hypothesis = hypothesis(spec.get("hypothesis"));
        List<MethodStep> steps = steps(spec.path("method"));
        BlastRadius blastRadius = blastRadius(spec.path("blastRadius"));
        List<StopCondition> stops = stopConditions(spec.path("stopConditions"));
        List<RollbackAction> rollbacks = rollbacks(spec.path("rollbacks"));
        checkProbeReferences(steps);
        if (timing != null) {
            checkRolloutHolds(steps, timing);
        }
        if (problems.any() || timing == null || hypothesis == null || blastRadius == null) {
            return null;
        }
        Experiment e = problems.build(
                "spec",
                () -> new Experiment(
                        name,
                        problems.text(meta, "title", name),
                        problems.text(meta, "description", "").strip(),
                        labels,
                        spec.path("environment").asString(),
                        hypothesis,
                        steps,
                        blastRadius,
                        stops,
                        rollbacks,
                        timing));
        if (e != null) {
            for (BlastRadiusRules.Violation v : BlastRadiusRules.check(e)) {
                int i = indexOf(steps, v.step());
                problems.at(i < 0 ? "spec." + v.field() : "spec.method[" + i + "]." + v.field(), v.message());
            }
        }
        return problems.any() ? null : e;
    }

    private @Nullable Timing timing(JsonNode t) {
        Timing d = Timing.DEFAULT;
        String p = "spec.timing";
        Duration warmup = problems.duration(t, p, "warmup", d.warmup(), Limits.SPAN_MAX);
        Duration interval = problems.duration(t, p, "probeInterval", d.probeInterval(), Limits.DELAY_MAX);
        Duration recovery = problems.duration(t, p, "recoveryWindow", d.recoveryWindow(), Limits.SPAN_MAX);
        if (warmup == null || interval == null || recovery == null) {
            return null;
        }
        return problems.build(
                p,
                () -> new Timing(
                        warmup,
                        interval,
                        t.path("baselineSamples").asInt(d.baselineSamples()),
                        recovery,
                        t.path("verificationSamples").asInt(d.verificationSamples())));
    }

    /** Probes that loaded, by name, for references; and the names of all declared, loaded or not. */
    private final Map<String, Probe> loaded = new TreeMap<>();

    private final Set<String> declared = new HashSet<>();

    private @Nullable Hypothesis hypothesis(JsonNode h) {
        List<Probe> list = new ArrayList<>();
        h.path("probes").forEach(p -> declared.add(p.path("name").asString("")));
        Set<String> names = new HashSet<>();
        JsonNode probeNodes = h.path("probes");
        for (int i = 0; i < probeNodes.size(); i++) {
            String path = "spec.hypothesis.probes[" + i + "]";
            Probe p = probes.read(probeNodes.get(i), path);
            if (p != null && !names.add(p.name())) {
                problems.at(LocatedTree.child(path, "name"), "another probe is already named '" + p.name() + "'");
            } else if (p != null) {
                list.add(p);
                loaded.put(p.name(), p);
            }
        }
        return list.size() == probeNodes.size() ? new Hypothesis(problems.text(h, "title", ""), list) : null;
    }

    private List<MethodStep> steps(JsonNode m) {
        List<MethodStep> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < m.size(); i++) {
            String path = "spec.method[" + i + "]";
            MethodStep s = method.read(m.get(i), path);
            if (s == null) {
                continue;
            }
            if (!names.add(s.name())) {
                problems.at(LocatedTree.child(path, "name"), "another step is already named '" + s.name() + "'");
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private @Nullable BlastRadius blastRadius(JsonNode b) {
        BlastRadius d = BlastRadius.UNLIMITED;
        String p = "spec.blastRadius";
        Duration max = problems.duration(b, p, "maxDuration", d.maxDuration(), Limits.SPAN_MAX);
        double share = d.maxShare();
        if (b.has("maxShare")) {
            try {
                share = Shares.parse(b.get("maxShare"));
            } catch (IllegalArgumentException e) {
                problems.at(p + ".maxShare", e);
                return null;
            }
        }
        List<String> targets = new ArrayList<>();
        b.path("targets").forEach(t -> targets.add(t.asString()));
        double s = share;
        return max == null
                ? null
                : problems.build(
                        p,
                        () -> new BlastRadius(
                                targets, s, max, b.path("maxTargets").asInt(d.maxTargets())));
    }

    private List<StopCondition> stopConditions(JsonNode list) {
        List<StopCondition> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "spec.stopConditions[" + i + "]";
            JsonNode n = list.get(i);
            JsonNode ref = n.get("probe");
            Probe probe;
            if (ref.isString()) {
                probe = loaded.get(ref.asString());
                if (!declared.contains(ref.asString())) {
                    problems.at(
                            path + ".probe",
                            "no hypothesis probe is named '" + ref.asString() + "' (probes: "
                                    + String.join(", ", new java.util.TreeSet<>(declared)) + ")");
                    continue;
                }
            } else {
                probe = probes.read(ref, path + ".probe");
            }
            Tolerance haltWhen = probes.tolerance(n.get("haltWhen"), path + ".haltWhen");
            if (probe == null || haltWhen == null) {
                continue;
            }
            Probe p = probe;
            StopCondition c = problems.build(
                    path,
                    () -> new StopCondition(
                            n.path("name").asString(),
                            p,
                            haltWhen,
                            n.path("for").asInt(1),
                            n.path("haltExpected").asBoolean(false)));
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private List<RollbackAction> rollbacks(JsonNode list) {
        List<RollbackAction> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "spec.rollbacks[" + i + "]";
            JsonNode n = list.get(i);
            Duration timeout = problems.duration(n, path, "timeout", Duration.ofSeconds(30), Limits.SPAN_MAX);
            if (timeout == null) {
                continue;
            }
            RollbackAction a = problems.build(
                    path,
                    () -> new RollbackAction(
                            n.path("name").asString(), n.path("run").asString(), timeout));
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    private void checkProbeReferences(List<MethodStep> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof MethodStep.WaitUntilStep u && !declared.contains(u.probe())) {
                problems.at(
                        "spec.method[" + i + "].waitUntil.probe", "no hypothesis probe is named '" + u.probe() + "'");
            }
            if (steps.get(i) instanceof MethodStep.FaultStep f && f.rollout() instanceof Rollout r) {
                List<String> check = r.check();
                for (int c = 0; c < check.size(); c++) {
                    if (!declared.contains(check.get(c))) {
                        problems.at(
                                "spec.method[" + i + "].rollout.check[" + c + "]",
                                "no hypothesis probe is named '" + check.get(c) + "' (known: "
                                        + String.join(", ", new java.util.TreeSet<>(declared)) + ")");
                    }
                }
            }
        }
    }

    /** A stage is judged on the samples taken while it holds: it must hold for a probe interval at least. */
    private void checkRolloutHolds(List<MethodStep> steps, Timing timing) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof MethodStep.FaultStep f
                    && f.rollout() instanceof Rollout r
                    && r.hold().compareTo(timing.probeInterval()) < 0) {
                problems.at(
                        "spec.method[" + i + "].rollout.hold",
                        "hold " + Durations.format(r.hold()) + " is shorter than the probe interval ("
                                + Durations.format(timing.probeInterval())
                                + "): each stage needs a sample to be checked; hold at least that long");
            }
        }
    }

    private static int indexOf(List<MethodStep> steps, String name) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
