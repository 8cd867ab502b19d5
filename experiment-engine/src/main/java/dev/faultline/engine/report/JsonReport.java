package dev.faultline.engine.report;

import dev.faultline.engine.spi.run.RolloutResult;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report as JSON, for other tools: the same content as the other formats, times as ISO-8601
 * instants (UTC) plus the viewer's zone, numbers that do not exist as null, samples included.
 */
public final class JsonReport implements ReportRenderer {
    private final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public String format() {
        return "json";
    }

    @Override
    public byte[] render(Report r) {
        ObjectNode root = json.createObjectNode();
        root.put("kind", r.gameDay() ? "gameday" : "run");
        root.put("id", r.subjectId());
        root.put("name", r.name());
        root.put("title", r.title());
        root.put("description", r.description());
        root.put("environment", r.environment());
        root.put("status", r.status());
        root.put("reason", r.reason());
        put(root, "scheduledStart", r.scheduledStart());
        put(root, "startedAt", r.startedAt());
        put(root, "endedAt", r.endedAt());
        root.put("zone", r.zone().getId());
        put(root, "generatedAt", r.generatedAt());
        num(root, "score", r.score());
        r.objectives().forEach(root.putArray("objectives")::add);
        ArrayNode ps = root.putArray("participants");
        r.participants()
                .forEach(p -> ps.addObject()
                        .put("name", p.name())
                        .put("role", p.role().yamlName()));
        ArrayNode trend = root.putArray("trend");
        r.trend()
                .forEach(t -> trend.addObject()
                        .put("gameDayRunId", t.gameDayRunId())
                        .put("at", t.at().toString())
                        .put("score", t.score()));
        ArrayNode skipped = root.putArray("skipped");
        r.skipped()
                .forEach(k -> skipped.addObject()
                        .put("position", k.position())
                        .put("runbook", k.runbook())
                        .put("name", k.name()));
        ArrayNode ex = root.putArray("experiments");
        for (Report.Experiment e : r.experiments()) {
            ObjectNode n = ex.addObject()
                    .put("runId", e.runId())
                    .put("name", e.name())
                    .put("outcome", e.outcome())
                    .put("reason", e.reason())
                    .put("impact", e.impact());
            put(n, "startedAt", e.startedAt());
            put(n, "endedAt", e.endedAt());
            num(n, "score", e.score());
            ResilienceScore.Explanation why = e.scoreExplained();
            if (why != null) {
                n.putObject("scoreExplained")
                        .put("held", why.held())
                        .put("recovery", why.recovery())
                        .put("penalty", why.penalty())
                        .put("expectedHalt", why.expectedHalt())
                        .put("text", why.text());
            }
            ArrayNode probes = n.putArray("probes");
            for (Report.ProbeFigures p : e.probes()) {
                ObjectNode pn = probes.addObject()
                        .put("probe", p.probe())
                        .put("expect", p.expect())
                        .put("held", p.held());
                num(pn, "baseline", p.baseline());
                num(pn, "during", p.during());
                num(pn, "after", p.after());
                num(pn, "deviation", p.deviation());
                pn.put("impact", p.impact()).put("recovered", p.recovered());
                if (p.recoveryMs() == null) {
                    pn.putNull("recoveryMs");
                } else {
                    pn.put("recoveryMs", p.recoveryMs());
                }
            }
            ArrayNode faults = n.putArray("faults");
            for (Report.FaultSpan f : e.faults()) {
                ObjectNode fn = faults.addObject()
                        .put("step", f.step())
                        .put("target", f.target())
                        .put("fault", f.description());
                put(fn, "from", f.from());
                put(fn, "to", f.to());
            }
            rollouts(n.putArray("rollouts"), e.rollouts());
            ArrayNode series = n.putArray("series");
            for (Report.Series s : e.series()) {
                ObjectNode sn = series.addObject().put("probe", s.probe()).put("expect", s.expect());
                num(sn, "low", s.low());
                num(sn, "high", s.high());
                ArrayNode pts = sn.putArray("samples");
                for (int i = 0; i < s.size(); i++) {
                    ArrayNode pt = pts.addArray().add(s.at()[i]);
                    if (Double.isNaN(s.values()[i])) {
                        pt.addNull();
                    } else {
                        pt.add(s.values()[i]);
                    }
                }
            }
            if (e.verdict() != null) {
                ExperimentOutcome v = e.verdict();
                ObjectNode vn = n.putObject("verdict")
                        .put("verdict", v.verdict().name())
                        .put("detected", v.detected())
                        .put("mitigated", v.mitigated())
                        .put("notes", v.notes());
                if (v.timeToDetect() != null) {
                    vn.put("timeToDetectMs", v.timeToDetect().toMillis());
                }
                if (v.timeToMitigate() != null) {
                    vn.put("timeToMitigateMs", v.timeToMitigate().toMillis());
                }
            }
        }
        ArrayNode tl = root.putArray("timeline");
        r.timeline()
                .forEach(t -> tl.addObject()
                        .put("at", t.at().toString())
                        .put("runId", t.runId())
                        .put("type", t.type())
                        .put("text", t.text()));
        ArrayNode obs = root.putArray("observations");
        r.retro()
                .observations()
                .forEach(o -> obs.addObject()
                        .put("id", o.id())
                        .put("subject", o.subject())
                        .put("at", o.at().toString())
                        .put("author", o.author())
                        .put("text", o.text()));
        ArrayNode fs = root.putArray("findings");
        for (Finding f : r.retro().findings()) {
            ObjectNode fn = fs.addObject()
                    .put("id", f.id())
                    .put("title", f.title())
                    .put("severity", f.severity().name())
                    .put("happened", f.happened())
                    .put("expected", f.expected())
                    .put("runId", f.runId())
                    .put("probe", f.probe());
            if (f.observationId() != null) {
                fn.put("observationId", f.observationId());
            }
        }
        ArrayNode ls = root.putArray("lessons");
        r.retro()
                .lessons()
                .forEach(l -> ls.addObject().put("kind", l.kind().name()).put("text", l.text()));
        actions(root.putArray("actionItems"), r.retro().actionItems());
        actions(root.putArray("openFromEarlierGameDays"), r.openEarlier());
        return json.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    }

    /** Each rollout: its stages with the checked probes' figures, and the largest stage that held. */
    private static void rollouts(ArrayNode a, java.util.List<RolloutResult> rollouts) {
        for (RolloutResult o : rollouts) {
            ObjectNode n = a.addObject()
                    .put("step", o.step())
                    .put("target", o.target())
                    .put("fault", o.fault())
                    .put("stagesPlanned", o.stagesPlanned())
                    .put("completed", o.completed());
            num(n, "safeUpTo", o.safeUpTo().isPresent() ? o.safeUpTo().getAsDouble() : null);
            o.safeUpToTargets().ifPresent(t -> n.put("safeUpToTargets", t));
            n.put("safeUpToStage", o.safeUpToLabel().orElse(null));
            o.brokeAt().ifPresentOrElse(s -> n.put("stoppedAtStage", s.number()), () -> n.putNull("stoppedAtStage"));
            n.put("headline", o.headline());
            ArrayNode stages = n.putArray("stages");
            for (RolloutResult.Stage s : o.stages()) {
                ObjectNode sn = stages.addObject()
                        .put("stage", s.number())
                        .put("share", s.share())
                        .put("label", s.label());
                if (s.countsTargets()) {
                    sn.put("targets", s.targets());
                }
                put(sn, "startedAt", s.startedAt());
                put(sn, "endedAt", s.endedAt());
                sn.put("applied", s.applied())
                        .put("applyMs", s.applyTime().toNanos() / 1e6)
                        .put("verdict", s.verdict().name())
                        .put("held", s.held())
                        .put("detail", s.detail());
                ArrayNode probes = sn.putArray("probes");
                for (RolloutResult.ProbeFigures p : s.probes()) {
                    ObjectNode pn = probes.addObject()
                            .put("probe", p.probe())
                            .put("expect", p.expect())
                            .put("samples", p.stats().count())
                            .put("outside", p.stats().outside());
                    num(pn, "mean", p.stats().mean());
                    num(pn, "min", p.stats().min());
                    num(pn, "max", p.stats().max());
                }
            }
        }
    }

    private static void actions(ArrayNode a, java.util.List<ActionItem> items) {
        for (ActionItem i : items) {
            ObjectNode n = a.addObject()
                    .put("id", i.id())
                    .put("gameDayRunId", i.gameDayRunId())
                    .put("title", i.title())
                    .put("owner", i.owner())
                    .put("status", i.status().name())
                    .put("ticketUrl", i.ticketUrl());
            if (i.due() == null) {
                n.putNull("due");
            } else {
                n.put("due", i.due().toString());
            }
        }
    }

    private static void put(ObjectNode n, String k, java.time.@org.jspecify.annotations.Nullable Instant v) {
        if (v == null) {
            n.putNull(k);
        } else {
            n.put(k, v.toString());
        }
    }

    private static void num(ObjectNode n, String k, @org.jspecify.annotations.Nullable Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            n.putNull(k);
        } else {
            n.put(k, v);
        }
    }
}
