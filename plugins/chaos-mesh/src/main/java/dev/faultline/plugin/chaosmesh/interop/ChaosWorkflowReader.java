package dev.faultline.plugin.chaosmesh.interop;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.plugin.kube.interop.GoDurations;
import dev.faultline.plugin.kube.interop.ImportedExperiments;
import dev.faultline.plugin.kube.interop.ManifestNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code Workflow} as one experiment: from its {@code entry}, a {@code Serial} template's children
 * follow one another in a lane, a {@code Parallel} template's start together in lanes of their own,
 * a {@code Suspend} is a wait, and a chaos template is a fault step lasting its {@code deadline}.
 * Every step gets its explicit start ({@code at}).
 */
final class ChaosWorkflowReader {
    private static final int MAX_DEPTH = 64;

    private final String source;
    private final List<ConversionNote> notes;
    private final Map<String, ManifestNode> templates = new LinkedHashMap<>();
    private final List<MethodStep> method = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final ChaosSteps.Lanes lanes = new ChaosSteps.Lanes();
    private String namespace = "default";

    ChaosWorkflowReader(String source, List<ConversionNote> notes) {
        this.source = source;
        this.notes = notes;
    }

    Experiment read(String name, ManifestNode spec, String namespace) throws ImportException {
        this.namespace = namespace;
        for (ManifestNode t : spec.items("templates")) {
            String n = t.require("name").text();
            if (templates.put(n, t) != null) {
                throw t.problem("another template is already named '" + n + "'");
            }
        }
        ManifestNode entry = spec.require("entry");
        ManifestNode first = templates.get(entry.text());
        if (first == null) {
            throw entry.problem("no template is named '" + entry.text() + "'");
        }
        place(first, Duration.ZERO, lanes.next(), 0);
        for (String key : spec.keys()) {
            if (!key.equals("entry") && !key.equals("templates")) {
                notes.add(
                        new ConversionNote(source + " spec." + key, "left out: a Faultline experiment has no " + key));
            }
        }
        return ImportedExperiments.of(
                name,
                name,
                "Imported from the " + ChaosMeshImporter.NAME + " Workflow " + name + ".",
                ChaosMeshImporter.BACKEND,
                ImportedExperiments.podsReady(method, source, notes),
                method);
    }

    /** Places template {@code t} from {@code start} in {@code lane}; returns when it ends. */
    private Duration place(ManifestNode t, Duration start, int lane, int depth) throws ImportException {
        if (depth > MAX_DEPTH) {
            throw t.problem("the templates nest deeper than " + MAX_DEPTH + " (does a template contain itself?)");
        }
        String name = t.require("name").text();
        ManifestNode typeNode = t.require("templateType");
        String type = typeNode.text();
        Optional<Duration> deadline =
                t.has("deadline") ? Optional.of(ChaosSpecReader.positive(t.require("deadline"))) : Optional.empty();
        String here = source + " template " + name;
        switch (type) {
            case "Serial" -> {
                Duration at = start;
                for (ManifestNode child : children(t)) {
                    at = place(child, at, lane, depth + 1);
                }
                return cut(here, start, at, deadline);
            }
            case "Parallel" -> {
                Duration end = start;
                boolean firstChild = true;
                for (ManifestNode child : children(t)) {
                    Duration e = place(child, start, firstChild ? lane : lanes.next(), depth + 1);
                    firstChild = false;
                    end = end.compareTo(e) < 0 ? e : end;
                }
                return cut(here, start, end, deadline);
            }
            case "Suspend" -> {
                if (deadline.isEmpty()) {
                    throw t.problem("a Suspend template needs its deadline: how long to wait");
                }
                method.add(
                        new MethodStep.WaitStep(ImportedExperiments.unique(name, names), lane, start, deadline.get()));
                return start.plus(deadline.get());
            }
            case "Schedule" -> {
                List<MethodStep> steps = new ChaosScheduleReader(here, notes)
                        .inner(
                                name,
                                t.require("schedule"),
                                namespace,
                                lane,
                                start,
                                deadline,
                                Optional.empty(),
                                lanes,
                                names);
                return add(steps, start);
            }
            default -> {
                if (ChaosSpecReader.isChaosKind(type)) {
                    ManifestNode chaos = t.require(ChaosSpecReader.EMBEDDED.getOrDefault(type, ""));
                    List<ChaosFault> faults = new ChaosSpecReader(here, notes).read(type, name, chaos, namespace);
                    ChaosSteps steps = new ChaosSteps(here, notes, names);
                    Duration length = steps.length(faults, deadline, Optional.empty(), type, chaos);
                    return add(steps.place(name, faults, lane, start, length, lanes), start);
                }
                Duration length = deadline.orElse(ChaosMeshImporter.DEFAULT_DURATION);
                method.add(new MethodStep.WaitStep(ImportedExperiments.unique(name, names), lane, start, length));
                notes.add(new ConversionNote(
                        here,
                        "left out: Faultline has no " + type + " step; a wait of " + GoDurations.format(length)
                                + " keeps its place on the timeline"));
                return start.plus(length);
            }
        }
    }

    private Duration add(List<MethodStep> steps, Duration start) {
        method.addAll(steps);
        Duration end = start;
        for (MethodStep s : steps) {
            Duration e = start.plus(s.plannedLength());
            end = end.compareTo(e) < 0 ? e : end;
        }
        return end;
    }

    private Duration cut(String here, Duration start, Duration end, Optional<Duration> deadline) {
        if (deadline.isPresent() && end.minus(start).compareTo(deadline.get()) > 0) {
            notes.add(new ConversionNote(
                    here + " deadline",
                    "its children take " + GoDurations.format(end.minus(start)) + ", more than its"
                            + " deadline " + GoDurations.format(deadline.get()) + ": Chaos Mesh would stop them"
                            + " there, Faultline runs them to their end"));
        }
        return end;
    }

    private List<ManifestNode> children(ManifestNode t) throws ImportException {
        List<ManifestNode> out = new ArrayList<>();
        for (ManifestNode c : t.items("children")) {
            ManifestNode child = templates.get(c.text());
            if (child == null) {
                throw c.problem("no template is named '" + c.text() + "'");
            }
            out.add(child);
        }
        return out;
    }
}
