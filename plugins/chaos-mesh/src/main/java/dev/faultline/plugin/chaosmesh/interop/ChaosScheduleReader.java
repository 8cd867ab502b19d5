package dev.faultline.plugin.chaosmesh.interop;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.plugin.kube.interop.ImportedExperiments;
import dev.faultline.plugin.kube.interop.ManifestNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code Schedule}: its chaos, run once, as an experiment. Faultline has no recurring schedules
 * yet, so the cron and its policies are a note saying so: make the experiment recurring once
 * schedules exist.
 */
final class ChaosScheduleReader {
    private final String source;
    private final List<ConversionNote> notes;

    ChaosScheduleReader(String source, List<ConversionNote> notes) {
        this.source = source;
        this.notes = notes;
    }

    Experiment read(String name, ManifestNode spec, String namespace, Optional<Duration> annotated)
            throws ImportException {
        List<MethodStep> method = inner(
                name,
                spec,
                namespace,
                0,
                Duration.ZERO,
                Optional.empty(),
                annotated,
                new ChaosSteps.Lanes(),
                ImportedExperiments.names());
        return ImportedExperiments.of(
                name,
                name,
                "Imported from the " + ChaosMeshImporter.NAME + " Schedule " + name + " (" + spec.text("schedule", "")
                        + "): one run of its " + spec.text("type", "chaos") + ".",
                ChaosMeshImporter.BACKEND,
                ImportedExperiments.podsReady(method, source, notes),
                method);
    }

    /** The schedule's chaos as steps (also for a Workflow's Schedule template), with the note on its cron. */
    List<MethodStep> inner(
            String name,
            ManifestNode schedule,
            String namespace,
            int lane,
            Duration start,
            Optional<Duration> deadline,
            Optional<Duration> annotated,
            ChaosSteps.Lanes lanes,
            java.util.Set<String> names)
            throws ImportException {
        ManifestNode typeNode = schedule.require("type");
        String type = typeNode.text();
        String cron = schedule.require("schedule").text();
        List<String> policies = new ArrayList<>();
        for (String key : List.of("concurrencyPolicy", "historyLimit", "startingDeadlineSeconds")) {
            Optional<String> v = schedule.optText(key);
            v.ifPresent(s -> policies.add(key + " " + s));
        }
        notes.add(new ConversionNote(
                source + " " + (schedule.field().isEmpty() ? "" : schedule.field() + ".") + "schedule",
                "'" + cron + "'" + (policies.isEmpty() ? "" : " (" + String.join(", ", policies) + ")")
                        + ": imported as one run of its " + type + "; it becomes a recurring schedule once"
                        + " Faultline can make one"));
        if (!ChaosSpecReader.isChaosKind(type)) {
            notes.add(new ConversionNote(source, "left out: Faultline makes none of Chaos Mesh's " + type));
            return List.of();
        }
        ManifestNode chaos = schedule.require(ChaosSpecReader.EMBEDDED.getOrDefault(type, ""));
        List<ChaosFault> faults = new ChaosSpecReader(source, notes).read(type, name, chaos, namespace);
        ChaosSteps steps = new ChaosSteps(source, notes, names);
        Duration length = steps.length(faults, deadline, annotated, type, chaos);
        return steps.place(name, faults, lane, start, length, lanes);
    }
}
