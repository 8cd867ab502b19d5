package dev.faultline.plugin.chaosmesh;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ExportException;
import dev.faultline.engine.spi.interop.Exported;
import dev.faultline.engine.spi.interop.ScheduleExporter;
import dev.faultline.plugin.kube.PodTarget;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A schedule as a Chaos Mesh {@code Schedule} ({@code chaos-mesh.org/v1alpha1}): the experiment's
 * one Chaos Mesh fault step, made as the backend makes it ({@link ChaosManifests}) and held for the
 * step's duration, on the schedule's cron expression with its time zone ({@code CRON_TZ=}), never two
 * at once ({@code concurrencyPolicy: Forbid}). Chaos Mesh then runs the fault by itself: what only
 * Faultline does around it is listed in the notes.
 */
public final class ChaosMeshScheduleExporter implements ScheduleExporter {
    /** How late Chaos Mesh may start a scheduled chaos before it counts it as missed. */
    static final long STARTING_DEADLINE_SECONDS = 60;

    static final int HISTORY_LIMIT = 5;

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @Override
    public String format() {
        return "chaos-mesh";
    }

    @Override
    public Exported write(Experiment experiment, String name, String cron, ZoneId zone) throws ExportException {
        List<MethodStep.FaultStep> chaos = experiment.faultSteps().stream()
                .filter(s -> s.backend().equals("chaos-mesh"))
                .toList();
        if (chaos.isEmpty()) {
            throw new ExportException("experiment '" + experiment.name()
                    + "' has no chaos-mesh fault step: a Chaos Mesh Schedule can only run Chaos Mesh faults");
        }
        if (chaos.size() > 1) {
            throw new ExportException("experiment '" + experiment.name() + "' has " + chaos.size()
                    + " chaos-mesh fault steps, and a Chaos Mesh Schedule runs one chaos: schedule an experiment"
                    + " with one Chaos Mesh fault step");
        }
        MethodStep.FaultStep step = chaos.getFirst();
        PodTarget t;
        ChaosManifests.Manifest m;
        try {
            t = PodTarget.of(step.target(), "default");
            m = ChaosManifests.of(step.fault(), t, ChaosMode.of(t.count(), step.share()), step.duration());
        } catch (IllegalArgumentException e) {
            throw new ExportException("step '" + step.name() + "': " + e.getMessage());
        }
        Map<String, Object> chaosSpec = new LinkedHashMap<>(m.spec());
        // the backend adds a margin for its own dead man's switch; a schedule holds the step's duration
        chaosSpec.put("duration", ChaosManifests.goDuration(step.duration()));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("schedule", "CRON_TZ=" + zone.getId() + " " + cron.trim());
        spec.put("type", m.kind().kind);
        spec.put("historyLimit", HISTORY_LIMIT);
        spec.put("concurrencyPolicy", "Forbid");
        spec.put("startingDeadlineSeconds", STARTING_DEADLINE_SECONDS);
        spec.put(m.kind().field, chaosSpec);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", t.namespace());
        metadata.put("labels", Map.of("app.kubernetes.io/managed-by", "faultline"));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("apiVersion", ChaosKind.GROUP + "/" + ChaosKind.VERSION);
        manifest.put("kind", "Schedule");
        manifest.put("metadata", metadata);
        manifest.put("spec", spec);

        List<ConversionNote> notes = new ArrayList<>();
        notes.add(new ConversionNote(
                "hypothesis, stop conditions and probes of '" + experiment.name() + "'",
                "not carried: Chaos Mesh injects the fault on schedule and checks nothing; keep 'faultline scheduler'"
                        + " for runs that judge the steady state and stop on a breach"));
        notes.add(new ConversionNote(
                "Faultline's kill switch",
                "does not reach a Chaos Mesh Schedule: pause it with the annotation"
                        + " experiment.chaos-mesh.org/pause=true, or delete it"));
        experiment.method().stream()
                .filter(s -> s != step)
                .forEach(s -> notes.add(new ConversionNote(
                        "step '" + s.name() + "'", "not carried: only the Chaos Mesh fault step is")));
        if (!experiment.rollbacks().isEmpty()) {
            notes.add(new ConversionNote("declared rollbacks", "not carried: Chaos Mesh only reverts its own chaos"));
        }
        return new Exported(List.of(new Exported.File(name + ".yaml", YAML.writeValueAsString(manifest))), notes);
    }
}
