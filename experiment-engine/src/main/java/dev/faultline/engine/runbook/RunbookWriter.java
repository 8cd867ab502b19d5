package dev.faultline.engine.runbook;

import dev.faultline.engine.command.CommandProbeProvider;
import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Command;
import dev.faultline.engine.model.CommandStep;
import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.RollbackAction;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.model.StopCondition;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.model.Timing;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Writes an experiment as a runbook, the inverse of {@link RunbookLoader}: loading what it writes
 * gives the same experiment. Values equal to their defaults are left out.
 */
public final class RunbookWriter {
    /**
     * Reads like a hand-written runbook: no document marker, quotes only where YAML needs them, and
     * text that looks like a number quoted (a header value {@code "30"} stays text when read back).
     */
    private final YAMLMapper yaml = YAMLMapper.builder()
            .disable(tools.jackson.dataformat.yaml.YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(tools.jackson.dataformat.yaml.YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(tools.jackson.dataformat.yaml.YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(tools.jackson.dataformat.yaml.YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    public String toYaml(Experiment e) {
        ObjectNode root = yaml.createObjectNode();
        root.put("apiVersion", "faultline.dev/v1");
        root.put("kind", "Experiment");
        ObjectNode meta = root.putObject("metadata");
        meta.put("name", e.name());
        if (!e.title().equals(e.name())) {
            meta.put("title", e.title());
        }
        if (!e.description().isEmpty()) {
            meta.put("description", e.description());
        }
        if (!e.labels().isEmpty()) {
            ObjectNode labels = meta.putObject("labels");
            new TreeMap<>(e.labels()).forEach(labels::put);
        }
        ObjectNode spec = root.putObject("spec");
        spec.put("environment", e.environment());
        timing(spec, e.timing());
        ObjectNode hypothesis = spec.putObject("hypothesis");
        if (!e.hypothesis().title().isEmpty()) {
            hypothesis.put("title", e.hypothesis().title());
        }
        ArrayNode probes = hypothesis.putArray("probes");
        e.hypothesis().probes().forEach(p -> probe(probes.addObject(), p));
        if (!e.method().isEmpty()) {
            ArrayNode method = spec.putArray("method");
            e.method().forEach(s -> step(method.addObject(), s));
        }
        blastRadius(spec, e.blastRadius());
        if (!e.stopConditions().isEmpty()) {
            ArrayNode stops = spec.putArray("stopConditions");
            e.stopConditions().forEach(c -> stopCondition(stops.addObject(), c, e));
        }
        if (!e.rollbacks().isEmpty()) {
            ArrayNode rollbacks = spec.putArray("rollbacks");
            for (RollbackAction r : e.rollbacks()) {
                rollbacks
                        .addObject()
                        .put("name", r.name())
                        .put("run", r.command())
                        .put("timeout", Durations.format(r.timeout()));
            }
        }
        return yaml.writeValueAsString(root);
    }

    private static void timing(ObjectNode spec, Timing t) {
        if (t.equals(Timing.DEFAULT)) {
            return;
        }
        ObjectNode n = spec.putObject("timing");
        n.put("warmup", Durations.format(t.warmup()));
        n.put("probeInterval", Durations.format(t.probeInterval()));
        n.put("baselineSamples", t.baselineSamples());
        n.put("recoveryWindow", Durations.format(t.recoveryWindow()));
        n.put("verificationSamples", t.verificationSamples());
    }

    private static void probe(ObjectNode n, Probe p) {
        n.put("name", p.name());
        n.put("expect", p.expectText());
        if (!p.checkedDuring()) {
            n.put("during", false);
        }
        ObjectNode source = n.putObject(p.type());
        if (p.type().equals(CommandProbeProvider.TYPE)) {
            CommandYaml.write(source, Command.fromParams(p.params()));
            p.params().get("value").ifPresent(v -> source.put("value", v));
        } else {
            nest(source, p.params());
        }
    }

    /** Dotted keys ({@code ratio.of}) back into nested mappings. */
    private static void nest(ObjectNode into, Params params) {
        for (Map.Entry<String, String> e : new TreeMap<>(params.values()).entrySet()) {
            ObjectNode at = into;
            String[] parts = e.getKey().split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                at = at.has(parts[i]) ? (ObjectNode) at.get(parts[i]) : at.putObject(parts[i]);
            }
            String key = parts[parts.length - 1];
            String v = e.getValue();
            // Numbers go back as numbers, so the schema sees the type the runbook had.
            if (v.matches("-?\\d{1,15}")) {
                at.put(key, Long.parseLong(v));
            } else if (v.matches("-?\\d+\\.\\d+")) {
                at.put(key, Double.parseDouble(v));
            } else {
                at.put(key, v);
            }
        }
    }

    private static void step(ObjectNode n, MethodStep s) {
        n.put("name", s.name());
        if (s.lane() != 0) {
            n.put("lane", s.lane());
        }
        s.explicitStart().ifPresent(at -> n.put("at", Durations.format(at)));
        if (s instanceof MethodStep.WaitStep w) {
            n.put("wait", Durations.format(w.duration()));
        } else if (s instanceof CommandStep c) {
            CommandYaml.write(n.putObject("command"), c.command());
        } else if (s instanceof MethodStep.WaitUntilStep u) {
            n.putObject("waitUntil").put("probe", u.probe()).put("timeout", Durations.format(u.timeout()));
        } else {
            MethodStep.FaultStep f = (MethodStep.FaultStep) s;
            if (f.rollout() == null) {
                n.put("duration", Durations.format(f.duration()));
            }
            if (!f.backend().equals(MethodReader.DEFAULT_BACKEND)) {
                n.put("backend", f.backend());
            }
            target(n.putObject("target"), f.target());
            if (f.rollout() instanceof Rollout r) {
                rollout(n.putObject("rollout"), r);
            } else if (f.share() != 1) {
                share(n, "share", f.share());
            }
            FaultWriter.write(n.putObject("fault"), f.fault());
        }
    }

    private static void rollout(ObjectNode n, Rollout r) {
        if (r.countsTargets()) {
            ArrayNode targets = n.putArray("targets");
            r.stages().forEach(count -> targets.add(count.intValue()));
        } else {
            ArrayNode stages = n.putArray("stages");
            r.stages().forEach(stage -> stages.add(share(stage)));
        }
        n.put("hold", Durations.format(r.hold()));
        if (!r.checksHypothesis()) {
            ArrayNode check = n.putArray("check");
            r.check().forEach(check::add);
        }
    }

    private static void target(ObjectNode n, Target t) {
        Map<String, String> selector = t.selector().values();
        if (KubernetesTargets.isKubernetes(t.kind())) {
            KubernetesTargets.write(n, t);
        } else if (selector.size() == 1 && selector.containsKey("name")) {
            n.put(t.kind(), selector.get("name"));
        } else {
            ObjectNode s = n.putObject(t.kind());
            new TreeMap<>(selector).forEach(s::put);
        }
    }

    private static void blastRadius(ObjectNode spec, BlastRadius b) {
        if (b.equals(BlastRadius.UNLIMITED)) {
            return;
        }
        ObjectNode n = spec.putObject("blastRadius");
        ArrayNode targets = n.putArray("targets");
        b.targets().forEach(targets::add);
        share(n, "maxShare", b.maxShare());
        n.put("maxDuration", Durations.format(b.maxDuration()));
        n.put("maxTargets", b.maxTargets());
    }

    private static void stopCondition(ObjectNode n, StopCondition c, Experiment e) {
        n.put("name", c.name());
        if (e.hypothesis().probe(c.probe().name()).filter(c.probe()::equals).isPresent()) {
            n.put("probe", c.probe().name());
        } else {
            probe(n.putObject("probe"), c.probe());
        }
        n.put("haltWhen", c.haltWhen().describe());
        if (c.consecutive() != 1) {
            n.put("for", c.consecutive());
        }
        if (c.haltExpected()) {
            n.put("haltExpected", true);
        }
    }

    /** A share as a percentage when that reads back exactly, else as a number from 0 to 1. */
    private static void share(ObjectNode n, String key, double share) {
        n.set(key, share(share));
    }

    private static JsonNode share(double share) {
        String pct = Numbers.format(share * 100) + "%";
        return Double.parseDouble(pct.substring(0, pct.length() - 1)) / 100 == share
                ? JsonNodeFactory.instance.stringNode(pct)
                : JsonNodeFactory.instance.numberNode(share);
    }
}
