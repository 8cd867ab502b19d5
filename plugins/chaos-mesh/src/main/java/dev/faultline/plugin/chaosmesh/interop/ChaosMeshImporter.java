package dev.faultline.plugin.chaosmesh.interop;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.engine.spi.interop.Imported;
import dev.faultline.engine.spi.interop.ImportedSchedule;
import dev.faultline.engine.spi.interop.RunbookImporter;
import dev.faultline.plugin.kube.interop.ImportedExperiments;
import dev.faultline.plugin.kube.interop.ManifestNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Chaos Mesh manifests ({@code chaos-mesh.org/v1alpha1}), one or several documents to a file:
 * the chaos resources of a file become one experiment, each in its own lane from the start (as
 * {@code kubectl apply} starts them all at once); a {@code Workflow} becomes an experiment, a
 * {@code Schedule} an experiment and a Faultline schedule of it.
 */
public final class ChaosMeshImporter implements RunbookImporter {
    /** The format's id, as {@code faultline export --to} spells it. */
    public static final String FORMAT = "chaos-mesh";

    static final String NAME = "Chaos Mesh";
    static final String BACKEND = "chaos-mesh";
    static final String GROUP = "chaos-mesh.org/";
    /** Set by the exporter on a kill, which has no duration in Chaos Mesh: how long the step lasts. */
    static final String DURATION_ANNOTATION = "faultline.dev/duration";
    /** Set by the exporter on a resource named after its experiment: the step's own name. */
    static final String STEP_ANNOTATION = "faultline.dev/step";

    static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);
    static final Duration KILL_DURATION = Duration.ofSeconds(30);
    private static final Pattern KIND = Pattern.compile("(?m)^kind:\\s*[\"']?(\\w+)[\"']?\\s*(?:#.*)?$");
    /** A manifest's own apiVersion, at the top level of a document (not one quoted inside another format). */
    private static final Pattern API_VERSION = Pattern.compile("(?m)^apiVersion:\\s*[\"']?chaos-mesh\\.org/");

    private static final Set<String> OWN_KINDS = Set.of("Schedule", "Workflow");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public Optional<String> recognise(ForeignFile file) {
        String text = file.text();
        if (!API_VERSION.matcher(text).find()) {
            return Optional.empty();
        }
        Matcher m = KIND.matcher(text);
        while (m.find()) {
            if (ChaosSpecReader.isChaosKind(m.group(1)) || OWN_KINDS.contains(m.group(1))) {
                return Optional.of("a " + NAME + " " + m.group(1));
            }
        }
        return Optional.empty();
    }

    @Override
    public Imported read(ForeignFile file) throws ImportException {
        List<ManifestNode> docs = ManifestNode.documents(file, NAME);
        List<ConversionNote> notes = new ArrayList<>();
        List<Experiment> experiments = new ArrayList<>();
        List<ImportedSchedule> schedules = new ArrayList<>();
        List<MethodStep> standalone = new ArrayList<>();
        List<String> standaloneNames = new ArrayList<>();
        Set<String> stepNames = ImportedExperiments.names();
        ChaosSteps.Lanes lanes = new ChaosSteps.Lanes();
        for (ManifestNode doc : docs) {
            String kind = doc.kind();
            String name = doc.name(kind.isEmpty() ? "resource" : kind.toLowerCase(java.util.Locale.ROOT));
            String source = kind + " " + name;
            if (!doc.isMap() || !doc.text("apiVersion", "").startsWith(GROUP)) {
                notes.add(new ConversionNote(
                        (kind.isEmpty() ? "document" : kind) + " " + name
                                + (doc.path().isEmpty() ? "" : " (" + doc.path() + ")"),
                        "left out: not a Chaos Mesh resource"));
                continue;
            }
            String namespace = doc.get("metadata")
                    .map(m -> {
                        try {
                            return m.text("namespace", "default");
                        } catch (ImportException e) {
                            return "default";
                        }
                    })
                    .orElse("default");
            ManifestNode spec = doc.require("spec");
            if (ChaosSpecReader.isChaosKind(kind)) {
                ChaosSteps steps = new ChaosSteps(source, notes, stepNames);
                String stepName = annotation(doc, STEP_ANNOTATION).orElse(name);
                List<ChaosFault> faults = new ChaosSpecReader(source, notes).read(kind, stepName, spec, namespace);
                Duration length = steps.length(faults, Optional.empty(), annotated(doc), kind, spec);
                standalone.addAll(steps.place(stepName, faults, lanes.next(), Duration.ZERO, length, lanes));
                standaloneNames.add(name);
            } else if (kind.equals("Schedule")) {
                ChaosScheduleReader.Scheduled s =
                        new ChaosScheduleReader(source, notes).read(name, spec, namespace, annotated(doc));
                experiments.add(s.experiment());
                schedules.add(s.schedule());
            } else if (kind.equals("Workflow")) {
                experiments.add(new ChaosWorkflowReader(source, notes).read(name, spec, namespace));
            } else {
                notes.add(new ConversionNote(source, "left out: Faultline makes none of Chaos Mesh's " + kind));
            }
        }
        if (!standalone.isEmpty()) {
            String name = standaloneNames.size() == 1 ? standaloneNames.getFirst() : baseName(file);
            experiments.addFirst(ImportedExperiments.of(
                    name,
                    name,
                    "Imported from the " + NAME + " resources in " + file.path().getFileName() + ": "
                            + String.join(", ", standaloneNames) + ".",
                    BACKEND,
                    ImportedExperiments.podsReady(
                            standalone, "Chaos Mesh resources in " + file.path().getFileName(), notes),
                    standalone));
        }
        if (experiments.isEmpty()) {
            throw new ImportException(NAME, file.path(), 0, null, "it has no chaos resource, Schedule or Workflow");
        }
        return new Imported(experiments, List.of(), schedules, notes);
    }

    /** The step length the exporter wrote on a resource that has no duration of its own (a kill). */
    static Optional<Duration> annotated(ManifestNode doc) throws ImportException {
        Optional<ManifestNode> a = annotationNode(doc, DURATION_ANNOTATION);
        return a.isEmpty() ? Optional.empty() : Optional.of(ChaosSpecReader.positive(a.get()));
    }

    private static Optional<String> annotation(ManifestNode doc, String key) throws ImportException {
        Optional<ManifestNode> a = annotationNode(doc, key);
        return a.isEmpty() ? Optional.empty() : Optional.of(a.get().text());
    }

    private static Optional<ManifestNode> annotationNode(ManifestNode doc, String key) {
        return doc.get("metadata").flatMap(m -> m.get("annotations")).flatMap(n -> n.get(key));
    }

    private static String baseName(ForeignFile file) {
        String n = file.path().getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
