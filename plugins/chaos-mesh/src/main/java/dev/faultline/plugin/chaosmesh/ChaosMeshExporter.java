package dev.faultline.plugin.chaosmesh;

import dev.faultline.engine.model.CommandStep;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ExportException;
import dev.faultline.engine.spi.interop.Exported;
import dev.faultline.engine.spi.interop.RunbookExporter;
import dev.faultline.plugin.kube.PodTarget;
import dev.faultline.plugin.kube.interop.GoDurations;
import dev.faultline.plugin.kube.interop.ManifestYaml;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Writes an experiment's cluster faults as Chaos Mesh resources, with the manifests the backend
 * itself sends ({@link ChaosManifests}): one resource when the method is a single fault step, else
 * one {@code Workflow} whose lanes run in {@code Parallel}, each a {@code Serial} of its steps with
 * {@code Suspend}s for the gaps and the waits. Whatever Chaos Mesh cannot make, and the hypothesis,
 * stop conditions and rollbacks it has no place for, are notes.
 */
public final class ChaosMeshExporter implements RunbookExporter {
    static final String API_VERSION = ChaosKind.GROUP + "/" + ChaosKind.VERSION;
    /** How long a kill's step lasts, kept on a resource that has no duration of its own. */
    static final String DURATION_ANNOTATION = "faultline.dev/duration";
    /** The step's name, kept on a resource named after the experiment. */
    static final String STEP_ANNOTATION = "faultline.dev/step";

    @Override
    public String format() {
        return "chaos-mesh";
    }

    /** A fault step made a chaos spec: its kind and spec, without duration. */
    private record Chaos(MethodStep.FaultStep step, ChaosKind kind, Map<String, Object> spec, String namespace) {}

    @Override
    public Exported write(Experiment e) throws ExportException {
        List<ConversionNote> notes = new ArrayList<>();
        Map<MethodStep, Chaos> made = new LinkedHashMap<>();
        List<MethodStep> kept = new ArrayList<>();
        for (MethodStep s : e.method()) {
            switch (s) {
                case MethodStep.FaultStep f -> {
                    Chaos c = chaos(f, notes);
                    if (c != null) {
                        made.put(f, c);
                        kept.add(f);
                    }
                }
                case MethodStep.WaitStep w -> kept.add(w);
                case MethodStep.WaitUntilStep u -> {
                    notes.add(new ConversionNote(
                            "step " + u.name(),
                            "became a Suspend of its timeout " + GoDurations.format(u.timeout()) + ": Chaos Mesh"
                                    + " cannot wait for probe " + u.probe()));
                    kept.add(new MethodStep.WaitStep(u.name(), u.lane(), u.at(), u.timeout()));
                }
                case CommandStep c -> {
                    notes.add(new ConversionNote(
                            "step " + c.name(),
                            "became a Suspend of its timeout "
                                    + GoDurations.format(c.command().timeout()) + ": Chaos Mesh cannot run command "
                                    + c.command().describe()));
                    kept.add(new MethodStep.WaitStep(
                            c.name(), c.lane(), c.at(), c.command().timeout()));
                }
            }
        }
        if (made.isEmpty()) {
            throw new ExportException("runbook " + e.name() + " has no fault Chaos Mesh can make (it makes faults on"
                    + " pods targets: latency, packet loss, pod kills, stress, io, time, http, dns, jvm): "
                    + String.join(
                            "; ", notes.stream().map(ConversionNote::toString).toList()));
        }
        for (Probe p : e.hypothesis().probes()) {
            notes.add(new ConversionNote("probe " + p.name(), "left out: Chaos Mesh has no steady-state hypothesis"));
        }
        e.stopConditions()
                .forEach(c -> notes.add(new ConversionNote(
                        "stop condition " + c.probe().name(), "left out: Chaos Mesh has no stop conditions")));
        e.rollbacks()
                .forEach(r ->
                        notes.add(new ConversionNote("rollback " + r.name(), "left out: Chaos Mesh has no rollbacks")));
        String text;
        if (made.size() == 1 && kept.size() == 1) {
            Chaos c = made.values().iterator().next();
            text = ManifestYaml.write(resource(c, e.name()));
        } else {
            text = ManifestYaml.write(workflow(e, kept, made));
        }
        return new Exported(List.of(new Exported.File(e.name() + ".yaml", text)), notes);
    }

    private static @org.jspecify.annotations.Nullable Chaos chaos(MethodStep.FaultStep f, List<ConversionNote> notes) {
        String what = "fault step " + f.name();
        if (!f.target().kind().equals("pods")) {
            notes.add(new ConversionNote(
                    what,
                    "left out: Chaos Mesh faults pods, not a " + f.target().kind() + " target"));
            return null;
        }
        if (!ChaosManifests.supports(f.fault())) {
            notes.add(new ConversionNote(
                    what, "left out: Chaos Mesh cannot make a '" + f.fault().type() + "' fault"));
            return null;
        }
        try {
            PodTarget t = PodTarget.of(f.target(), "default");
            OptionalInt count = t.count();
            Rollout r = f.rollout();
            if (r != null && r.countsTargets() && count.isPresent()) {
                notes.add(new ConversionNote(
                        what,
                        "left out: its target picks " + count.getAsInt() + " pods and its rollout counts targets"
                                + " too; keep one of them"));
                return null;
            }
            if (r != null) {
                // Chaos Mesh has a mode for a count (one, fixed) and for a share (fixed-percent, all), but no stages
                if (r.countsTargets()) {
                    count = OptionalInt.of(r.targetsAt(r.stages().size() - 1));
                }
                ChaosMode widest = ChaosMode.of(count, f.share());
                notes.add(new ConversionNote(
                        what + " rollout",
                        "exported at its widest stage, " + r.label(r.stages().size() - 1) + " (mode: "
                                + widest.mode() + (widest.value().isEmpty() ? "" : ", value: " + widest.value())
                                + "): Chaos Mesh does not widen a fault stage by stage"
                                + (r.stages().size() > 1
                                        ? "; left out: the stages before it (" + r.narrower()
                                                + ") and the check at each stage's end"
                                        : "")));
            }
            ChaosManifests.Manifest m = ChaosManifests.of(f.fault(), t, ChaosMode.of(count, f.share()), f.duration());
            Map<String, Object> spec = new LinkedHashMap<>(m.spec());
            spec.remove("duration");
            if (!t.container().isEmpty()
                    && !spec.containsKey("containerNames")
                    && !(f.fault() instanceof PodFault.ContainerKill)) {
                notes.add(new ConversionNote(
                        what + " target container",
                        "left out: Chaos Mesh's " + m.kind().kind + " acts on the whole pod, not on container "
                                + t.container()));
            }
            return new Chaos(f, m.kind(), spec, t.namespace());
        } catch (IllegalArgumentException x) {
            notes.add(new ConversionNote(what, "left out: " + x.getMessage()));
            return null;
        }
    }

    private static boolean isKill(MethodStep.FaultStep f) {
        return f.fault() instanceof PodFault.PodKill || f.fault() instanceof PodFault.ContainerKill;
    }

    private static Map<String, Object> resource(Chaos c, String name) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", c.namespace());
        Map<String, Object> spec = new LinkedHashMap<>(c.spec());
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put(STEP_ANNOTATION, c.step().name());
        metadata.put("annotations", annotations);
        if (isKill(c.step())) {
            annotations.put(DURATION_ANNOTATION, GoDurations.format(c.step().duration()));
        } else {
            spec.put("duration", GoDurations.format(c.step().duration()));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("apiVersion", API_VERSION);
        r.put("kind", c.kind().kind);
        r.put("metadata", metadata);
        r.put("spec", spec);
        return r;
    }

    private static Map<String, Object> workflow(Experiment e, List<MethodStep> steps, Map<MethodStep, Chaos> made) {
        Map<Integer, List<MethodStep>> lanes = new TreeMap<>();
        Map<MethodStep, Duration> starts = new HashMap<>();
        Map<Integer, Duration> laneEnds = new HashMap<>();
        for (MethodStep s : e.method()) {
            Duration start = s.explicitStart().orElse(laneEnds.getOrDefault(s.lane(), Duration.ZERO));
            laneEnds.put(s.lane(), start.plus(s.plannedLength()));
            for (MethodStep k : steps) {
                if (k.name().equals(s.name())) {
                    starts.put(k, start);
                    lanes.computeIfAbsent(s.lane(), l -> new ArrayList<>()).add(k);
                }
            }
        }
        List<Map<String, Object>> templates = new ArrayList<>();
        List<String> laneNames = new ArrayList<>();
        String namespace = made.values().iterator().next().namespace();
        for (Map.Entry<Integer, List<MethodStep>> lane : lanes.entrySet()) {
            List<MethodStep> inLane = new ArrayList<>(lane.getValue());
            inLane.sort(Comparator.comparing(starts::get));
            List<String> children = new ArrayList<>();
            Duration at = Duration.ZERO;
            for (MethodStep s : inLane) {
                Duration start = starts.get(s);
                if (start.compareTo(at) > 0) {
                    String gap = s.name() + "-wait-before";
                    templates.add(suspend(gap, start.minus(at)));
                    children.add(gap);
                }
                Chaos c = made.get(s);
                if (c == null) {
                    templates.add(suspend(s.name(), s.plannedLength()));
                } else {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("name", s.name());
                    t.put("templateType", c.kind().kind);
                    t.put("deadline", GoDurations.format(s.plannedLength()));
                    t.put(c.kind().field, c.spec());
                    templates.add(t);
                }
                children.add(s.name());
                at = start.plus(s.plannedLength()).compareTo(at) > 0 ? start.plus(s.plannedLength()) : at;
            }
            String laneName = "lane-" + lane.getKey();
            templates.add(template(laneName, "Serial", children));
            laneNames.add(laneName);
        }
        String entry;
        if (laneNames.size() == 1) {
            entry = laneNames.getFirst();
        } else {
            entry = "lanes";
            templates.add(template(entry, "Parallel", laneNames));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("entry", entry);
        spec.put("templates", templates);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("apiVersion", API_VERSION);
        r.put("kind", "Workflow");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", e.name());
        metadata.put("namespace", namespace);
        r.put("metadata", metadata);
        r.put("spec", spec);
        return r;
    }

    private static Map<String, Object> template(String name, String type, List<String> children) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("templateType", type);
        t.put("children", children);
        return t;
    }

    private static Map<String, Object> suspend(String name, Duration length) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("templateType", "Suspend");
        t.put("deadline", GoDurations.format(length));
        return t;
    }
}
