package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Hypothesis;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.RollbackAction;
import dev.faultline.engine.model.StopCondition;
import dev.faultline.engine.model.Timing;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.engine.spi.interop.Imported;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One Chaos Toolkit experiment read into a Faultline experiment. HTTP probes become HTTP probes,
 * Prometheus queries PromQL probes, process providers commands, Toxiproxy actions Toxiproxy faults,
 * pod kills and Chaos Mesh resources Chaos Mesh faults, pauses waits; what has no exact equivalent
 * becomes a command and is named in a {@link ConversionNote}.
 */
final class ExperimentImport {
    static final String FORMAT = "Chaos Toolkit";
    /** The timeout a command gets when the source gives none (Chaos Toolkit waits for ever). */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** How long a fault lasts when nothing in the source says. */
    static final Duration DEFAULT_FAULT = Duration.ofSeconds(30);
    /** The tolerance of a probe whose source tolerance has no equivalent: any number it answers. */
    static final Tolerance ANY = new Tolerance.Range(-1e15, 1e15);

    private final ForeignFile file;
    private final LocatedSource src;
    private final Map<String, String> env;
    private final List<ConversionNote> notes = new ArrayList<>();
    private JsonNode ext = JsonNodeFactory.instance.objectNode();

    ExperimentImport(ForeignFile file, LocatedSource src, Map<String, String> env) {
        this.file = file;
        this.src = src;
        this.env = env;
    }

    private ImportException error(String path, String problem) {
        return ImportContext.error(file, src, path, problem);
    }

    Imported read() throws ImportException {
        JsonNode root = src.root();
        if (!root.isObject()) {
            throw error("", "is not a mapping of title, description, method ...");
        }
        Optional<String> old = PreOneDotZero.check(root);
        if (old.isPresent()) {
            throw preOneDotZero(old.get());
        }
        String title = required(root, "", "title");
        String description = required(root, "", "description");
        JsonNode tags = root.path("tags");
        if (!tags.isMissingNode() && !tags.isArray()) {
            throw error("tags", "must be a list of texts");
        }
        for (int i = 0; i < tags.size(); i++) {
            if (!tags.get(i).isString() || tags.get(i).asString().isEmpty()) {
                throw error("tags[" + i + "]", "experiment tags must be non-empty texts");
            }
        }
        for (JsonNode e : root.path("extensions")) {
            String extension = e.path("name").asString("");
            if (extension.equals(ChaosToolkitExporter.EXTENSION)) {
                ext = e;
            } else {
                List<String> keys = new ArrayList<>(e.propertyNames());
                keys.remove("name");
                notes.add(new ConversionNote(
                        "extension " + (extension.isBlank() ? "(no name)" : extension),
                        "left out (" + String.join(", ", keys) + "): Faultline keeps only its own extension ("
                                + ChaosToolkitExporter.EXTENSION
                                + "); keep these in the source file if another tool reads them"));
            }
        }
        Substitution subst =
                new Substitution(root.path("configuration"), root.path("secrets"), env, notes, this::error);
        ImportContext shared = new ImportContext(file, src, notes, subst, ext);
        shared.collectNames(root);

        Hypothesis hypothesis = new HypothesisImport(shared).hypothesis(root.path("steady-state-hypothesis"), title);
        MethodImport methodImport = new MethodImport(shared);
        List<MethodStep> method = methodImport.method(root);
        RollbackImport rollbackImport = new RollbackImport(shared, methodImport);
        List<RollbackAction> rollbacks = rollbackImport.rollbacks(root.path("rollbacks"));
        rollbackImport.controls(root);
        rollbackImport.contributions(root);
        rollbackImport.runtime(root);

        Map<String, String> labels = new TreeMap<>();
        JsonNode extLabels = ext.path("labels");
        for (String k : extLabels.propertyNames()) {
            labels.put(k, extLabels.get(k).asString());
        }
        String name = ext.path("runbook").asString(slug(title));
        String environment = ext.path("environment").asString("local");
        if (!ext.has("environment")) {
            notes.add(new ConversionNote(
                    "experiment " + title, "environment set to 'local'; change it to where it should run"));
        }
        Timing timing = FaultlineExtension.timing(ext.path("timing"));
        BlastRadius blastRadius = FaultlineExtension.blastRadius(ext.path("blastRadius"));
        List<StopCondition> stops = FaultlineExtension.stopConditions(ext.path("stopConditions"), hypothesis);
        String text = ext.has("description") ? ext.get("description").asString() : description;
        if (!ext.has("runbook") && !tags.isEmpty()) {
            List<String> t = new ArrayList<>();
            tags.forEach(x -> t.add(x.asString()));
            text = description + (description.endsWith(".") ? "" : ".") + " Tags: " + String.join(", ", t) + ".";
        }
        try {
            Experiment experiment = new Experiment(
                    name, title, text, labels, environment, hypothesis, method, blastRadius, stops, rollbacks, timing);
            return new Imported(List.of(experiment), List.of(), List.of(), notes);
        } catch (IllegalArgumentException e) {
            throw error("", "cannot be written as a runbook: " + e.getMessage());
        }
    }

    ImportException preOneDotZero(String path) {
        return error(
                path,
                "is written in the format from before Chaos Toolkit 1.0 (a method of steps with an 'action' and"
                        + " 'steady'/'close' probes, activities with a 'layer'), which chaostoolkit-lib dropped in"
                        + " 0.6 (December 2017): rewrite it with a steady-state-hypothesis and a method of"
                        + " activities (type probe or action, with a provider), then import it again");
    }

    private String required(JsonNode n, String path, String key) throws ImportException {
        return ImportContext.required(file, src, n, path, key);
    }

    /** A runbook name from a title: lower-case letters, digits and dashes, at most 63. */
    static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) {
            s = "imported";
        }
        if (!Character.isLetter(s.charAt(0))) {
            s = "x-" + s;
        }
        return s.length() > 63 ? s.substring(0, 63).replaceAll("-+$", "") : s;
    }
}
