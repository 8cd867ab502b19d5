package dev.faultline.engine.report;

import dev.faultline.engine.model.StopCondition;
import dev.faultline.engine.spi.run.FaultResult;
import dev.faultline.engine.spi.run.ProbeResult;
import dev.faultline.engine.spi.run.RolloutResult;
import dev.faultline.engine.spi.run.RunEvent;
import dev.faultline.engine.spi.run.RunOutcome;
import dev.faultline.engine.spi.run.RunResult;
import dev.faultline.engine.spi.run.SampleStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's result as JSON for other tools and CI: outcome, phases with their times, every probe's
 * baseline/during/after figures, every fault's fate with its time to recovery, the events.
 * Numbers that do not exist (no samples) are null, never NaN.
 */
public final class ResultJson {
    private final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public String write(RunResult r, List<RunEvent> events) {
        return write(r, events, List.of());
    }

    /** {@code stops}: the experiment's stop conditions, to say whether a halt by one was expected. */
    public String write(RunResult r, List<RunEvent> events, List<StopCondition> stops) {
        return json.writeValueAsString(tree(r, events, stops));
    }

    public ObjectNode tree(RunResult r, List<RunEvent> events) {
        return tree(r, events, List.of());
    }

    public ObjectNode tree(RunResult r, List<RunEvent> events, List<StopCondition> stops) {
        ObjectNode root = json.createObjectNode();
        root.put("runId", r.runId());
        root.put("experiment", r.experiment());
        root.put("environment", r.environment());
        root.put("outcome", r.outcome().name());
        root.put("exitCode", r.outcome().exitCode());
        root.put("reason", r.reason());
        root.put("startedAt", r.startedAt().toString());
        root.put("endedAt", r.endedAt().toString());
        root.put("durationMs", r.duration().toMillis());
        root.put("impact", r.impact().name());
        haltedBy(root, r, events, stops);
        ArrayNode phases = root.putArray("phases");
        events.stream()
                .filter(RunEvent.PhaseChanged.class::isInstance)
                .map(RunEvent.PhaseChanged.class::cast)
                .forEach(p -> phases.addObject().put("phase", p.to().name()).put("at", p.at().toString()));
        ArrayNode probes = root.putArray("probes");
        r.probes().forEach(p -> probe(probes.addObject(), p));
        ArrayNode faults = root.putArray("faults");
        r.faults().forEach(f -> fault(faults.addObject(), f));
        ArrayNode rollbacks = root.putArray("rollbacks");
        r.rollbacks()
                .forEach(b -> rollbacks
                        .addObject()
                        .put("name", b.name())
                        .put("ok", b.ok())
                        .put("tookMs", b.took().toMillis())
                        .put("detail", b.detail()));
        if (!r.rollouts().isEmpty()) {
            ArrayNode rollouts = root.putArray("rollouts");
            r.rollouts().forEach(o -> rollout(rollouts.addObject(), o));
        }
        ArrayNode recs = root.putArray("recommendations");
        r.recommendations().forEach(recs::add);
        ArrayNode log = root.putArray("events");
        events.stream()
                .filter(e -> !(e instanceof RunEvent.ProbeSampled) && !(e instanceof RunEvent.RunFinished))
                .forEach(e -> log.addObject()
                        .put("at", e.at().toString())
                        .put("type", e.type())
                        .put("text", EventText.describe(e)));
        return root;
    }

    /**
     * The stop condition that halted the run, and whether the experiment declares that halt its
     * expected outcome; or the kill switch's reason when a person halted it.
     */
    private static void haltedBy(ObjectNode root, RunResult r, List<RunEvent> events, List<StopCondition> stops) {
        if (r.outcome() != RunOutcome.HALTED) {
            return;
        }
        java.util.Optional<RunEvent.StopConditionBreached> breach = events.stream()
                .filter(RunEvent.StopConditionBreached.class::isInstance)
                .map(RunEvent.StopConditionBreached.class::cast)
                .findFirst();
        if (breach.isPresent()) {
            String condition = breach.get().condition();
            root.putObject("haltedBy")
                    .put("stopCondition", condition)
                    .put("expected", stops.stream().anyMatch(c -> c.name().equals(condition) && c.haltExpected()));
            return;
        }
        events.stream()
                .filter(RunEvent.Halted.class::isInstance)
                .map(e -> ((RunEvent.Halted) e).reason())
                .filter(h -> h.source() == dev.faultline.engine.spi.run.HaltReason.Source.KILL_SWITCH)
                .findFirst()
                .ifPresent(h -> root.putObject("haltedBy").put("killSwitch", h.detail()));
    }

    private static void probe(ObjectNode n, ProbeResult p) {
        n.put("name", p.probe());
        n.put("expect", p.expect());
        n.put("checkedDuring", p.checkedDuring());
        n.put("held", p.held());
        stats(n.putObject("baseline"), p.baseline());
        stats(n.putObject("during"), p.during());
        stats(n.putObject("after"), p.after());
        number(n, "deviation", p.deviation());
        n.put("impact", p.impact().name());
        n.put("recovered", p.recovered());
        millis(n, "recoveryTimeMs", p.recoveryTime());
    }

    private static void stats(ObjectNode n, SampleStats s) {
        n.put("samples", s.count());
        n.put("failedReads", s.failedReads());
        n.put("outsideTolerance", s.outside());
        number(n, "mean", s.mean());
        number(n, "min", s.min());
        number(n, "max", s.max());
    }

    private static void fault(ObjectNode n, FaultResult f) {
        n.put("step", f.step());
        n.put("backend", f.backend());
        n.put("target", f.target());
        n.put("fault", f.description());
        instant(n, "injectedAt", f.injectedAt());
        instant(n, "endedAt", f.endedAt());
        instant(n, "revertedAt", f.revertedAt());
        n.put("confirmedGone", f.confirmedGone());
        millis(n, "timeToRecoveryMs", f.timeToRecovery());
        n.put("detail", f.detail());
        n.put("manualStep", f.manualStep());
    }

    /** A progressive rollout: each stage reached with its figures, and the largest that held. */
    private static void rollout(ObjectNode n, RolloutResult o) {
        n.put("step", o.step());
        n.put("target", o.target());
        n.put("fault", o.fault());
        n.put("stagesPlanned", o.stagesPlanned());
        number(n, "safeUpTo", o.safeUpTo().orElse(Double.NaN));
        o.safeUpToTargets().ifPresent(t -> n.put("safeUpToTargets", t));
        o.safeUpToLabel().ifPresentOrElse(l -> n.put("safeUpToStage", l), () -> n.putNull("safeUpToStage"));
        n.put("completed", o.completed());
        o.brokeAt().ifPresentOrElse(s -> n.put("stoppedAtStage", s.number()), () -> n.putNull("stoppedAtStage"));
        n.put("summary", o.summary());
        ArrayNode stages = n.putArray("stages");
        for (RolloutResult.Stage s : o.stages()) {
            ObjectNode st = stages.addObject();
            st.put("stage", s.number());
            st.put("share", s.share());
            if (s.countsTargets()) {
                st.put("targets", s.targets());
            }
            st.put("startedAt", s.startedAt().toString());
            st.put("endedAt", s.endedAt().toString());
            st.put("applied", s.applied());
            st.put("applyMs", s.applyTime().toNanos() / 1e6);
            st.put("verdict", s.verdict().name());
            st.put("held", s.held());
            st.put("detail", s.detail());
            ArrayNode probes = st.putArray("probes");
            s.probes().forEach(p -> {
                ObjectNode pn = probes.addObject();
                pn.put("name", p.probe());
                pn.put("expect", p.expect());
                stats(pn, p.stats());
            });
        }
    }

    private static void number(ObjectNode n, String field, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }

    private static void millis(ObjectNode n, String field, @Nullable Duration d) {
        if (d == null) {
            n.putNull(field);
        } else {
            n.put(field, d.toMillis());
        }
    }

    private static void instant(ObjectNode n, String field, @Nullable Instant i) {
        if (i == null) {
            n.putNull(field);
        } else {
            n.put(field, i.toString());
        }
    }
}
