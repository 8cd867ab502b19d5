package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Command;
import dev.faultline.engine.model.CommandStep;
import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.RollbackAction;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.model.StopCondition;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.model.Timing;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ExportException;
import dev.faultline.engine.spi.interop.Exported;
import dev.faultline.engine.spi.interop.RunbookExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a runbook as a Chaos Toolkit experiment (JSON) that Chaos Toolkit's validator accepts:
 * HTTP status probes as {@code http} probes, command probes and steps as {@code process}
 * activities, PromQL probes with an exact value as {@code chaosprometheus} queries, proxy faults as
 * {@code chaostoxi} toxics (created, held for the step's duration as a pause, deleted), pod kills as
 * {@code chaosk8s} pod terminations and the other Kubernetes faults as Chaos Mesh resources through
 * {@code chaosk8s}'s custom objects, waits as pauses, steps in other lanes as background
 * activities, rollbacks as processes. What Chaos Toolkit cannot say (stop conditions, blast radius,
 * timing, backends, probes it cannot compute) goes into a {@code faultline} extension, which Chaos
 * Toolkit keeps and ignores and Faultline's importer reads back; each such part is named in a note.
 */
public final class ChaosToolkitExporter implements RunbookExporter {
    static final String EXTENSION = "faultline";
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public String format() {
        return ChaosToolkitImporter.FORMAT;
    }

    @Override
    public Exported write(Experiment e) throws ExportException {
        List<ConversionNote> notes = new ArrayList<>();
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("version", "1.0.0");
        root.put("title", e.title());
        root.put("description", e.description().isBlank() ? e.title() : e.description());
        ArrayNode tags = root.putArray("tags");
        tags.add("faultline");
        new TreeMap<>(e.labels()).forEach((k, v) -> tags.add(k + ":" + v));

        ObjectNode ext = f.objectNode();
        ext.put("name", EXTENSION);
        ext.put("runbook", e.name());
        ext.put("environment", e.environment());
        if (e.description().isBlank()) {
            ext.put("description", e.description());
        }
        if (!e.labels().isEmpty()) {
            ObjectNode labels = ext.putObject("labels");
            new TreeMap<>(e.labels()).forEach(labels::put);
        }
        ObjectNode probesExt = f.objectNode();
        ObjectNode stepsExt = f.objectNode();

        ObjectNode hypothesis = root.putObject("steady-state-hypothesis");
        hypothesis.put(
                "title",
                e.hypothesis().title().isBlank() ? e.title() : e.hypothesis().title());
        if (e.hypothesis().title().isBlank()) {
            ext.put("hypothesisTitle", "");
        }
        ArrayNode probes = hypothesis.putArray("probes");
        for (Probe p : e.hypothesis().probes()) {
            ObjectNode pe = f.objectNode();
            if (!p.checkedDuring()) {
                pe.put("during", false);
            }
            if (!p.expectText().equals(p.expect().describe())) {
                pe.put("expectText", p.expectText());
            }
            ObjectNode activity = probes.addObject();
            if (!ProbeWriter.probe(activity, p)) {
                activity.removeAll();
                ProbeWriter.fallbackProbe(activity, p);
                pe.set("kept", ProbeWriter.probeJson(p));
                notes.add(
                        new ConversionNote(
                                "probe " + p.name(),
                                "Chaos Toolkit cannot compute a " + p.type() + " probe with '" + p.expectText()
                                        + "': exported as a check that its endpoint answers; the exact probe is kept in the faultline extension"));
            }
            if (!pe.isEmpty()) {
                probesExt.set(p.name(), pe);
            }
        }

        ArrayNode method = root.putArray("method");
        ArrayNode rollbacks = f.arrayNode();
        List<MethodStep> laneZero = e.method().stream()
                .filter(s -> s.lane() == 0 && s.explicitStart().isEmpty())
                .toList();
        Duration pendingPause = Duration.ZERO;
        for (MethodStep s : e.method()) {
            boolean background = !laneZero.contains(s);
            if (s instanceof MethodStep.WaitStep w && !background) {
                pendingPause = pendingPause.plus(w.duration());
                continue;
            }
            Optional<List<ObjectNode>> activities = step(s, notes);
            if (activities.isEmpty()) {
                continue;
            }
            List<ObjectNode> list = activities.get();
            ObjectNode first = list.getFirst();
            if (background) {
                first.put("background", true);
                Duration at = s.explicitStart().orElse(Duration.ZERO);
                if (!at.isZero()) {
                    first.withObject("pauses").set("before", Seconds.of(at));
                }
                if (s.lane() == 0) {
                    notes.add(new ConversionNote(
                            "step " + s.name(),
                            "starts at " + Durations.format(at)
                                    + ": exported as a background activity paused that long before it starts"));
                }
            } else if (!pendingPause.isZero()) {
                first.withObject("pauses").set("before", Seconds.of(pendingPause));
                pendingPause = Duration.ZERO;
            }
            if (s instanceof MethodStep.FaultStep fs && !fs.backend().isEmpty()) {
                stepsExt.put(slugName(fs.name()), fs.backend());
            }
            list.forEach(method::add);
        }
        if (!pendingPause.isZero()) {
            if (method.isEmpty()) {
                notes.add(new ConversionNote(
                        "wait", "a method of waits only: Chaos Toolkit has no activity to pause around; left out"));
            } else {
                ObjectNode last = (ObjectNode) method.get(method.size() - 1);
                double already = last.path("pauses").path("after").asDouble(0);
                last.withObject("pauses")
                        .set("after", Seconds.of(Seconds.toDuration(already).plus(pendingPause)));
            }
        }
        for (RollbackAction r : e.rollbacks()) {
            ObjectNode a = rollbacks.addObject();
            a.put("type", "action");
            a.put("name", r.name());
            ObjectNode p = a.putObject("provider");
            p.put("type", "process");
            p.put("path", "sh");
            p.putArray("arguments").add("-c").add(r.command());
            p.set("timeout", Seconds.of(r.timeout()));
        }
        if (!rollbacks.isEmpty()) {
            root.set("rollbacks", rollbacks);
        }

        if (!e.timing().equals(Timing.DEFAULT)) {
            Timing t = e.timing();
            ObjectNode tn = ext.putObject("timing");
            tn.put("warmup", Durations.format(t.warmup()));
            tn.put("probeInterval", Durations.format(t.probeInterval()));
            tn.put("baselineSamples", t.baselineSamples());
            tn.put("recoveryWindow", Durations.format(t.recoveryWindow()));
            tn.put("verificationSamples", t.verificationSamples());
            notes.add(
                    new ConversionNote(
                            "timing",
                            "kept in the faultline extension: Chaos Toolkit checks the hypothesis once before and once after the method"));
        }
        if (!e.blastRadius().equals(BlastRadius.UNLIMITED)) {
            BlastRadius b = e.blastRadius();
            ObjectNode bn = ext.putObject("blastRadius");
            ArrayNode targets = bn.putArray("targets");
            b.targets().forEach(targets::add);
            bn.put("maxShare", b.maxShare());
            bn.put("maxDuration", Durations.format(b.maxDuration()));
            bn.put("maxTargets", b.maxTargets());
            notes.add(new ConversionNote(
                    "blast radius", "kept in the faultline extension: Chaos Toolkit has no blast radius"));
        }
        if (!e.stopConditions().isEmpty()) {
            ArrayNode stops = ext.putArray("stopConditions");
            for (StopCondition c : e.stopConditions()) {
                ObjectNode sn = stops.addObject();
                sn.put("name", c.name());
                if (e.hypothesis()
                        .probe(c.probe().name())
                        .filter(c.probe()::equals)
                        .isPresent()) {
                    sn.put("probe", c.probe().name());
                } else {
                    sn.set("probe", ProbeWriter.probeJson(c.probe()));
                }
                sn.set("haltWhen", ToleranceCodec.write(c.haltWhen()));
                sn.put("for", c.consecutive());
                if (c.haltExpected()) {
                    sn.put("haltExpected", true);
                }
                notes.add(
                        new ConversionNote(
                                "stop condition " + c.name(),
                                "kept in the faultline extension: Chaos Toolkit does not halt on a probe while the method runs"));
            }
        }
        if (!probesExt.isEmpty()) {
            ext.set("probes", probesExt);
        }
        if (!stepsExt.isEmpty()) {
            ext.set("steps", stepsExt);
        }
        root.putArray("extensions").add(ext);
        String text = JSON.writeValueAsString(root) + "\n";
        return new Exported(List.of(new Exported.File(e.name() + ".json", text)), notes);
    }

    private static String slugName(String name) {
        return name;
    }

    /** The activities of one step: none (with a note) when Chaos Toolkit cannot express it. */
    private static Optional<List<ObjectNode>> step(MethodStep s, List<ConversionNote> notes) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (s) {
            case MethodStep.WaitStep w -> {
                ObjectNode a = f.objectNode();
                a.put("type", "action");
                a.put("name", w.name());
                ProbeWriter.process(
                        a.putObject("provider"), new Command(List.of("true"), Duration.ofSeconds(5), null, Map.of()));
                a.withObject("pauses").set("after", Seconds.of(w.duration()));
                notes.add(new ConversionNote(
                        "wait " + w.name(),
                        "in a parallel lane: exported as a background action that does nothing, then pauses"));
                yield Optional.of(List.of(a));
            }
            case MethodStep.WaitUntilStep u -> {
                notes.add(new ConversionNote(
                        "wait-until " + u.name(), "left out: Chaos Toolkit cannot wait for a probe to hold"));
                yield Optional.empty();
            }
            case CommandStep c -> {
                ObjectNode a = f.objectNode();
                a.put("type", "action");
                a.put("name", c.name());
                ProbeWriter.process(a.putObject("provider"), c.command());
                yield Optional.of(List.of(a));
            }
            case MethodStep.FaultStep fs -> fault(fs, notes);
        };
    }

    /**
     * A fault step's actions; a rolled-out one at its widest stage (Chaos Toolkit has no stages): a
     * count of targets as the count of pods it picks, and left out where no action takes a count.
     */
    private static Optional<List<ObjectNode>> fault(MethodStep.FaultStep fs, List<ConversionNote> notes) {
        String source = "fault step " + fs.name();
        Rollout r = fs.rollout();
        if (r == null) {
            return widest(fs, notes);
        }
        MethodStep.FaultStep widest = fs;
        if (r.countsTargets()) {
            boolean pods = fs.target().kind().equals("pods");
            if (!pods || fs.target().selector().has("count")) {
                notes.add(new ConversionNote(
                        source,
                        pods
                                ? "left out: its target picks "
                                        + fs.target().selector().require("count")
                                        + " pods and its rollout counts targets too; keep one of them"
                                : "left out: its rollout hits counts of targets (" + r.describe()
                                        + "), and Chaos Toolkit's actions on a "
                                        + fs.target().kind()
                                        + " target take a share, not a count"));
                return Optional.empty();
            }
            widest = MethodStep.FaultStep.rolledOut(
                    fs.name(),
                    fs.lane(),
                    fs.at(),
                    fs.backend(),
                    fs.fault(),
                    new Target(
                            fs.target().kind(),
                            fs.target()
                                    .selector()
                                    .with(
                                            "count",
                                            Integer.toString(
                                                    r.targetsAt(r.stages().size() - 1)))),
                    r);
        }
        Optional<List<ObjectNode>> actions = widest(widest, notes);
        if (actions.isPresent()) {
            notes.add(new ConversionNote(
                    source,
                    "exported at its widest stage, " + r.label(r.stages().size() - 1)
                            + ": Chaos Toolkit has no progressive rollout"
                            + (r.stages().size() > 1
                                    ? "; left out: the stages before it (" + r.narrower()
                                            + ") and the check at each stage's end"
                                    : "")));
        }
        return actions;
    }

    private static Optional<List<ObjectNode>> widest(MethodStep.FaultStep fs, List<ConversionNote> notes) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Fault fault = fs.fault();
        String source = "fault step " + fs.name();
        ObjectNode create = f.objectNode();
        create.put("type", "action");
        create.put("name", fs.name());
        ObjectNode cp = create.putObject("provider");
        cp.put("type", "python");
        ObjectNode delete = f.objectNode();
        delete.put("type", "action");
        delete.put("name", fs.name() + "-revert");
        ObjectNode dp = delete.putObject("provider");
        dp.put("type", "python");
        if (fault instanceof ProxyFault pf && fs.target().kind().equals("proxy")) {
            String proxy = fs.target().selector().get("name").orElse("");
            if (pf instanceof ProxyFault.Down) {
                cp.put("module", "chaostoxi.proxy.actions").put("func", "disable_proxy");
                cp.putObject("arguments").put("proxy_name", proxy);
                dp.put("module", "chaostoxi.proxy.actions").put("func", "enable_proxy");
                dp.putObject("arguments").put("proxy_name", proxy);
                if (fs.share() < 1) {
                    notes.add(new ConversionNote(
                            source,
                            "a proxy taken down for " + dev.faultline.engine.model.Rollout.percent(fs.share())
                                    + " of connections: Chaos Toolkit disables the whole proxy"));
                }
            } else {
                ObjectNode args = cp.put("module", "chaostoxi.toxic.actions")
                        .put("func", "create_toxic")
                        .putObject("arguments");
                args.put("for_proxy", proxy);
                args.put("toxic_name", fs.name());
                args.put("toxic_type", Toxics.type(pf));
                args.put("stream", "downstream");
                args.put("toxicity", fs.share());
                args.set("attributes", Toxics.attributes(pf));
                dp.put("module", "chaostoxi.toxic.actions").put("func", "delete_toxic");
                dp.putObject("arguments").put("for_proxy", proxy).put("toxic_name", fs.name());
                if (pf instanceof ProxyFault.Latency l && l.correlation() > 0) {
                    notes.add(new ConversionNote(source, "its latency correlation was left out: Toxiproxy has none"));
                }
            }
            if (!fs.backend().equals("toxiproxy")) {
                notes.add(new ConversionNote(
                        source,
                        "runs on backend '" + fs.backend() + "': Chaos Toolkit drives it as a Toxiproxy proxy named '"
                                + proxy + "'"));
            }
            create.withObject("pauses").set("after", Seconds.of(fs.duration()));
            return Optional.of(List.of(create, delete));
        }
        if (fault instanceof PodFault.PodKill k
                && fs.target().kind().equals("pods")
                && fs.target().selector().has("labels")) {
            ObjectNode args = cp.put("module", "chaosk8s.pod.actions")
                    .put("func", "terminate_pods")
                    .putObject("arguments");
            args.put("label_selector", fs.target().selector().require("labels"));
            args.put("ns", fs.target().selector().get("namespace").orElse("default"));
            Optional<String> count = fs.target().selector().get("count");
            if (count.isPresent()) {
                args.put("qty", Integer.parseInt(count.get()));
            } else if (fs.share() < 1) {
                args.put("mode", "percentage");
                args.put("qty", Math.round(fs.share() * 100));
            } else {
                args.put("all", true);
            }
            args.put("grace_period", k.gracePeriod().toSeconds());
            create.withObject("pauses").set("after", Seconds.of(fs.duration()));
            return Optional.of(List.of(create));
        }
        Optional<ObjectNode> resource =
                ChaosMeshResources.write(fs.name(), fault, fs.target(), fs.share(), fs.duration());
        if (resource.isPresent()) {
            for (String key : fs.target().selector().values().keySet()) {
                if (!List.of("namespace", "labels", "podNames", "count").contains(key)) {
                    notes.add(new ConversionNote(
                            source,
                            "left out: its target's " + key + " '"
                                    + fs.target().selector().require(key)
                                    + "' (the Chaos Mesh resource selects whole pods)"));
                }
            }
            String ns = fs.target().selector().get("namespace").orElse("default");
            String kind = resource.get().get("kind").asString();
            ObjectNode args = cp.put("module", "chaosk8s.crd.actions")
                    .put("func", "create_custom_object")
                    .putObject("arguments");
            args.put("group", ChaosMeshResources.GROUP)
                    .put("version", ChaosMeshResources.VERSION)
                    .put("plural", ChaosMeshResources.plural(kind))
                    .put("ns", ns);
            args.set("resource", resource.get());
            dp.put("module", "chaosk8s.crd.actions").put("func", "delete_custom_object");
            dp.putObject("arguments")
                    .put("group", ChaosMeshResources.GROUP)
                    .put("version", ChaosMeshResources.VERSION)
                    .put("plural", ChaosMeshResources.plural(kind))
                    .put("name", fs.name())
                    .put("ns", ns);
            create.withObject("pauses").set("after", Seconds.of(fs.duration()));
            return Optional.of(List.of(create, delete));
        }
        notes.add(new ConversionNote(
                source,
                "left out: Chaos Toolkit has no " + fault.type() + " fault on a "
                        + fs.target().kind() + " target (" + fault.describe() + ")"));
        return Optional.empty();
    }
}
