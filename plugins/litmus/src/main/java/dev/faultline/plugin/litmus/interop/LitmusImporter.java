package dev.faultline.plugin.litmus.interop;

import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Hypothesis;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.engine.spi.interop.Imported;
import dev.faultline.engine.spi.interop.RunbookImporter;
import dev.faultline.plugin.kube.interop.ImportedExperiments;
import dev.faultline.plugin.kube.interop.ManifestNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads LitmusChaos {@code ChaosEngine}s ({@code litmuschaos.io/v1alpha1}), one experiment each: its
 * experiments one after the other in one lane (as the chaos runner runs them), {@code appinfo} and
 * the targeting variables as the pods target, {@code TOTAL_CHAOS_DURATION} as the step's duration,
 * and its probes as the hypothesis where Faultline has the equivalent.
 */
public final class LitmusImporter implements RunbookImporter {
    /** The format's id, as {@code faultline export --to} spells it. */
    public static final String FORMAT = "litmus";

    static final String NAME = "LitmusChaos";
    static final String BACKEND = "litmus";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public Optional<String> recognise(ForeignFile file) {
        String t = file.text();
        if (!t.matches("(?s)(.*\\n)?apiVersion:\\s*[\"']?litmuschaos\\.io/.*")) {
            return Optional.empty();
        }
        if (t.matches("(?s)(.*\\n)?kind:\\s*[\"']?ChaosEngine\\b.*")) {
            return Optional.of("a " + NAME + " ChaosEngine");
        }
        return t.matches("(?s)(.*\\n)?kind:\\s*[\"']?ChaosExperiment\\b.*")
                ? Optional.of("a " + NAME + " ChaosExperiment")
                : Optional.empty();
    }

    @Override
    public Imported read(ForeignFile file) throws ImportException {
        return read(file, List.of());
    }

    /**
     * The engines of {@code file}, each experiment's env merged over the defaults of its {@code
     * ChaosExperiment} when the file or another file of the import ({@code alongside}) defines it, as
     * the chaos runner merges them; without it the hub's defaults are assumed, and noted.
     */
    @Override
    public Imported read(ForeignFile file, List<ForeignFile> alongside) throws ImportException {
        List<ConversionNote> notes = new ArrayList<>();
        List<Experiment> experiments = new ArrayList<>();
        List<ManifestNode> docs = ManifestNode.documents(file, NAME);
        LitmusDefinitions definitions = LitmusDefinitions.of(docs, alongside);
        for (ManifestNode doc : docs) {
            String kind = doc.kind();
            String name = doc.name("chaos-engine");
            if (!doc.isMap() || !doc.text("apiVersion", "").startsWith("litmuschaos.io/")) {
                notes.add(new ConversionNote(
                        (kind.isEmpty() ? "document" : kind) + " " + name, "left out: not a LitmusChaos resource"));
            } else if (kind.equals("ChaosExperiment")) {
                notes.add(new ConversionNote(
                        kind + " " + name,
                        "left out, nothing to import on its own: it is the definition (image, arguments, defaults"
                                + " of its environment variables) that a ChaosEngine runs; import the ChaosEngine"));
            } else if (!kind.equals("ChaosEngine")) {
                notes.add(new ConversionNote(
                        kind + " " + name,
                        "left out: only ChaosEngines run chaos (a " + kind + " is read by the cluster's operator)"));
            } else {
                experiments.add(engine(doc, name, definitions, notes));
            }
        }
        if (experiments.isEmpty() && !definitionsOnly(notes)) {
            throw new ImportException(NAME, file.path(), 0, null, "it has no ChaosEngine");
        }
        return new Imported(experiments, List.of(), List.of(), notes);
    }

    /** Whether the file held ChaosExperiment definitions (and nothing else of Litmus' that could run). */
    private static boolean definitionsOnly(List<ConversionNote> notes) {
        return notes.stream().anyMatch(n -> n.source().startsWith("ChaosExperiment "));
    }

    private static Experiment engine(
            ManifestNode doc, String name, LitmusDefinitions definitions, List<ConversionNote> notes)
            throws ImportException {
        String source = "ChaosEngine " + name;
        ManifestNode spec = doc.require("spec");
        String namespace =
                doc.get("metadata").isPresent() ? doc.require("metadata").text("namespace", "default") : "default";
        Optional<ManifestNode> appinfo = spec.get("appinfo");
        String appns = appinfo.isPresent() ? appinfo.get().text("appns", "") : "";
        String applabel = appinfo.isPresent() ? appinfo.get().text("applabel", "") : "";
        if (!appns.isEmpty()) {
            namespace = appns;
        }
        List<MethodStep> method = new ArrayList<>();
        Map<String, Probe> probes = new LinkedHashMap<>();
        Set<String> names = ImportedExperiments.names();
        List<ManifestNode> experiments = spec.items("experiments");
        for (ManifestNode x : experiments) {
            String experiment = x.require("name").text();
            String here = source + " experiment " + experiment;
            ManifestNode xspec = x.get("spec").orElse(x);
            LitmusEnv env = new LitmusEnv(xspec, experiment, definitions.get(experiment), here, notes);
            Optional<Fault> fault = LitmusFaultReader.read(experiment, env, here, notes);
            long hubDefault = experiment.equals("pod-delete") ? 15 : 60;
            long seconds = env.number("TOTAL_CHAOS_DURATION", hubDefault);
            if (seconds <= 0) {
                seconds = hubDefault;
                notes.add(new ConversionNote(
                        here + " env TOTAL_CHAOS_DURATION",
                        "not above 0: the step lasts " + seconds + "s, the hub's default"));
            }
            Duration duration = Duration.ofSeconds(seconds);
            // One experiment: the step is the engine (as the exporter names an engine after its step).
            String stepName = ImportedExperiments.unique(experiments.size() == 1 ? name : experiment, names);
            if (fault.isEmpty()) {
                method.add(new MethodStep.WaitStep(stepName, 0, null, duration));
                notes.add(new ConversionNote(
                        here,
                        "became a wait of " + duration.toSeconds() + "s that keeps its" + " place on the timeline"));
            } else {
                Selection sel = target(fault.get(), namespace, applabel, env, here, notes);
                method.add(new MethodStep.FaultStep(
                        stepName, 0, null, duration, BACKEND, fault.get(), sel.target(), sel.share()));
            }
            env.explain(here, notes);
            env.untaken()
                    .forEach((k, v) -> notes.add(new ConversionNote(
                            here + " env " + k,
                            "left out: Faultline's fault has no equivalent of " + k + "=" + LitmusEnv.oneLine(v))));
            LitmusProbeReader reader = new LitmusProbeReader(source, notes);
            for (ManifestNode p : xspec.items("probe")) {
                Optional<Probe> probe = reader.read(p);
                if (probe.isPresent() && probes.putIfAbsent(probe.get().name(), probe.get()) != null) {
                    notes.add(new ConversionNote(
                            source + " probe " + probe.get().name(),
                            "read once: another" + " experiment of the engine has a probe of the same name"));
                }
            }
        }
        if (method.isEmpty()) {
            throw spec.problem("it has no experiments");
        }
        for (String key : spec.keys()) {
            if (!Set.of(
                            "appinfo",
                            "experiments",
                            "engineState",
                            "chaosServiceAccount",
                            "jobCleanUpPolicy",
                            "components",
                            "annotationCheck")
                    .contains(key)) {
                notes.add(
                        new ConversionNote(source + " spec." + key, "left out: a Faultline experiment has no " + key));
            }
        }
        Hypothesis hypothesis = probes.isEmpty()
                ? ImportedExperiments.podsReady(method, source, notes)
                : new Hypothesis("The ChaosEngine's probes hold", List.copyOf(probes.values()));
        return ImportedExperiments.of(
                name, name, "Imported from the " + NAME + " ChaosEngine " + name + ".", BACKEND, hypothesis, method);
    }

    record Selection(Target target, double share) {}

    private static Selection target(
            Fault fault, String namespace, String applabel, LitmusEnv env, String here, List<ConversionNote> notes)
            throws ImportException {
        if (fault instanceof PodFault.NodeDrain) {
            Optional<String> node = env.take("TARGET_NODE");
            Optional<String> label = env.take("NODE_LABEL");
            if (node.isEmpty() && label.isEmpty()) {
                throw env.node("TARGET_NODE").problem("a node-drain needs TARGET_NODE or NODE_LABEL");
            }
            return new Selection(
                    new Target(
                            "nodes",
                            node.isPresent() ? Params.of("name", node.get()) : Params.of("labels", label.get())),
                    1.0);
        }
        Map<String, String> p = new TreeMap<>();
        p.put("namespace", namespace);
        Optional<String> pods = env.take("TARGET_PODS");
        if (pods.isPresent()) {
            p.put("podNames", pods.get().replace(" ", ""));
        }
        if (!applabel.isEmpty()) {
            if (applabel.contains("(") || applabel.contains("!")) {
                notes.add(new ConversionNote(
                        here + " appinfo.applabel",
                        "'" + applabel + "' is a set-based selector:"
                                + " Faultline selects by label=value pairs; check the labels kept"));
            }
            p.put(
                    "labels",
                    String.join(
                            ",",
                            java.util.Arrays.stream(applabel.split(","))
                                    .map(String::strip)
                                    .filter(s -> s.contains("=") && !s.contains("("))
                                    .sorted()
                                    .toList()));
            if (p.get("labels").isEmpty()) {
                p.remove("labels");
            }
        }
        if (!p.containsKey("labels") && !p.containsKey("podNames")) {
            p.put("fieldSelectors", "metadata.namespace=" + namespace);
            notes.add(new ConversionNote(
                    here + " appinfo",
                    "no application label: every pod of namespace " + namespace
                            + " is a candidate, written as fieldSelectors {metadata.namespace: " + namespace + "}"));
        }
        env.take("TARGET_CONTAINER").ifPresent(c -> {
            if (!(fault instanceof PodFault.ContainerKill)) {
                p.put("container", c);
            }
        });
        long percent = env.number("PODS_AFFECTED_PERC", 0);
        if (percent <= 0 && !p.containsKey("podNames")) {
            p.put("count", "1");
            return new Selection(new Target("pods", new Params(p)), 1.0);
        }
        if (percent > 100) {
            throw env.node("PODS_AFFECTED_PERC").problem("PODS_AFFECTED_PERC is at most 100");
        }
        return new Selection(new Target("pods", new Params(p)), percent <= 0 ? 1.0 : percent / 100.0);
    }
}
