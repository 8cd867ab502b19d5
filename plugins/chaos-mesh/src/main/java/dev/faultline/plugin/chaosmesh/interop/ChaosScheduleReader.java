package dev.faultline.plugin.chaosmesh.interop;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.engine.spi.interop.ImportedSchedule;
import dev.faultline.plugin.kube.interop.ImportedExperiments;
import dev.faultline.plugin.kube.interop.ManifestNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code Schedule}: its chaos as an experiment, and the schedule as a Faultline schedule of that
 * experiment: the cron expression and time zone ({@link ChaosCron}), {@code startingDeadlineSeconds}
 * as the missed-run policy (none: a missed time still runs once, as Chaos Mesh starts it however
 * late; a deadline: skipped); {@code concurrencyPolicy: Allow} and {@code historyLimit} are notes,
 * since Faultline never runs two at once and keeps every run. A Workflow's {@code Schedule} template
 * is its chaos run once, with a note.
 */
final class ChaosScheduleReader {
    /** How late Faultline's scheduler still starts a run (its {@code Scheduler.ON_TIME}). */
    static final Duration ON_TIME = Duration.ofMinutes(1);

    private final String source;
    private final List<ConversionNote> notes;

    ChaosScheduleReader(String source, List<ConversionNote> notes) {
        this.source = source;
        this.notes = notes;
    }

    /** The experiment and the schedule that runs it. */
    record Scheduled(Experiment experiment, ImportedSchedule schedule) {}

    Scheduled read(String name, ManifestNode spec, String namespace, Optional<Duration> annotated)
            throws ImportException {
        ChaosCron cron = ChaosCron.read(spec.require("schedule"), source, notes);
        List<MethodStep> method = steps(
                name,
                spec,
                namespace,
                0,
                Duration.ZERO,
                Optional.empty(),
                annotated,
                new ChaosSteps.Lanes(),
                ImportedExperiments.names());
        Experiment e = ImportedExperiments.of(
                name,
                name,
                "Imported from the " + ChaosMeshImporter.NAME + " Schedule " + name + ": its "
                        + spec.text("type", "chaos") + ", run on '" + cron.cron() + "' ("
                        + cron.zone().getId()
                        + ") by the schedule " + scheduleName(name) + ".",
                ChaosMeshImporter.BACKEND,
                ImportedExperiments.podsReady(method, source, notes),
                method);
        policies(spec);
        return new Scheduled(
                e, new ImportedSchedule(e.name(), scheduleName(name), cron.cron(), cron.zone(), missed(spec)));
    }

    /** {@code startingDeadlineSeconds}: none, a missed time runs once; a deadline, missed times are skipped. */
    private boolean missed(ManifestNode spec) throws ImportException {
        Optional<ManifestNode> deadline = spec.get("startingDeadlineSeconds");
        if (deadline.isEmpty()) {
            notes.add(new ConversionNote(
                    source + " startingDeadlineSeconds",
                    "not set: Chaos Mesh starts a missed time however late, so a missed time runs once (missed:"
                            + " run-once)"));
            return true;
        }
        long seconds;
        try {
            seconds = Long.parseLong(deadline.get().text().strip());
        } catch (NumberFormatException e) {
            throw deadline.get().problem("'" + deadline.get().text() + "' is not a number of seconds");
        }
        if (seconds > ON_TIME.toSeconds()) {
            notes.add(new ConversionNote(
                    source + " startingDeadlineSeconds",
                    seconds + ": Faultline starts a scheduled run up to " + ON_TIME.toSeconds()
                            + "s late and skips a time missed by more (missed: skip)"));
        }
        return false;
    }

    /** {@code concurrencyPolicy: Allow} and {@code historyLimit}, which Faultline does its own way. */
    private void policies(ManifestNode spec) throws ImportException {
        String policy = spec.text("concurrencyPolicy", "Forbid");
        if (policy.equals("Allow")) {
            notes.add(new ConversionNote(
                    source + " concurrencyPolicy",
                    "Allow: Faultline never runs two at once; a time that comes while the last run is still going"
                            + " is skipped"));
        }
        Optional<String> history = spec.optText("historyLimit");
        if (history.isPresent()) {
            notes.add(new ConversionNote(
                    source + " historyLimit",
                    history.get() + ": Faultline keeps every run of the schedule in its store ('faultline runs')"));
        }
    }

    /** The schedule's name: the resource's, as Faultline spells schedule names. */
    static String scheduleName(String resource) {
        String n = ImportedExperiments.runbookName(resource);
        return n.length() > 64 ? n.substring(0, 64).replaceAll("-+$", "") : n;
    }

    /** A Workflow's Schedule template: its chaos run once, with a note on its cron. */
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
        String type = schedule.require("type").text();
        String cron = schedule.require("schedule").text();
        List<String> policies = new ArrayList<>();
        for (String key : List.of("concurrencyPolicy", "historyLimit", "startingDeadlineSeconds")) {
            Optional<String> v = schedule.optText(key);
            v.ifPresent(s -> policies.add(key + " " + s));
        }
        notes.add(new ConversionNote(
                source + " " + (schedule.field().isEmpty() ? "" : schedule.field() + ".") + "schedule",
                "'" + cron + "'" + (policies.isEmpty() ? "" : " (" + String.join(", ", policies) + ")")
                        + ": imported as one run of its " + type + " in the workflow's timeline; a schedule of its"
                        + " own (a Chaos Mesh Schedule resource) imports as a Faultline schedule"));
        return steps(name, schedule, namespace, lane, start, deadline, annotated, lanes, names);
    }

    private List<MethodStep> steps(
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
        String type = schedule.require("type").text();
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
