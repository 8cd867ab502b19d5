package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.RollbackAction;
import dev.faultline.engine.model.StopCondition;
import dev.faultline.engine.model.Timing;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ExportException;
import dev.faultline.engine.spi.interop.Exported;
import dev.faultline.engine.spi.interop.RunbookExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
            Optional<List<ObjectNode>> activities = StepActions.step(s, notes);
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
                stepsExt.put(fs.name(), fs.backend());
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
}
