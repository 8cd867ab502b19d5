package dev.faultline.plugin.litmus;

import dev.faultline.engine.model.CommandStep;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ExportException;
import dev.faultline.engine.spi.interop.Exported;
import dev.faultline.engine.spi.interop.RunbookExporter;
import dev.faultline.plugin.kube.interop.ManifestYaml;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an experiment's cluster faults as LitmusChaos {@code ChaosEngine}s, one per fault step,
 * with the engine the backend itself creates ({@link LitmusEngine}, {@link LitmusExperiment}) and
 * the hypothesis probes Litmus can check ({@link LitmusProbes}) on each. The Faultline labels the
 * backend puts on its own engines are left off: Faultline's clean-up never touches what a user
 * applies. Faults Litmus has no experiment for, and the timeline (engines start when applied), are
 * notes.
 */
public final class LitmusExporter implements RunbookExporter {
    @Override
    public String format() {
        return "litmus";
    }

    @Override
    public Exported write(Experiment e) throws ExportException {
        List<ConversionNote> notes = new ArrayList<>();
        List<Map<String, Object>> engines = new ArrayList<>();
        List<Map<String, Object>> probes = LitmusProbes.of(e.hypothesis(), "");
        Set<String> kept = new HashSet<>();
        probes.forEach(p -> kept.add(String.valueOf(p.get("name"))));
        for (Probe p : e.hypothesis().probes()) {
            if (!kept.contains(p.name())) {
                notes.add(new ConversionNote(
                        "probe " + p.name(),
                        "left out: Litmus checks an http probe of the status (==) and a prometheus probe with a"
                                + " threshold or exact value, sampled during the faults"));
            }
        }
        int faults = 0;
        for (MethodStep s : e.method()) {
            switch (s) {
                case MethodStep.FaultStep f -> {
                    faults++;
                    String what = "fault step " + f.name();
                    if (!LitmusExperiment.supports(f.fault())) {
                        notes.add(new ConversionNote(
                                what,
                                "left out: LitmusChaos has no experiment for a '"
                                        + f.fault().type() + "' fault"));
                        continue;
                    }
                    Rollout rollout = f.rollout();
                    if (rollout != null && rollout.countsTargets()) {
                        notes.add(new ConversionNote(
                                what,
                                "left out: its rollout hits counts of targets (" + rollout.describe()
                                        + "), and a ChaosEngine picks a percentage of the matching pods"
                                        + " (PODS_AFFECTED_PERC): the count to percentage needs the number of"
                                        + " matching pods, known only when it runs; roll it out over shares"
                                        + " (stages: [...]) to export it"));
                        continue;
                    }
                    try {
                        LitmusTarget t = LitmusTarget.of(f.target(), "default");
                        LitmusExperiment x = LitmusExperiment.of(
                                f.fault(), t.pods().map(p -> p.container()).orElse(""));
                        GenericKubernetesResource r = LitmusEngine.of(
                                t.namespace(),
                                f.name(),
                                e.name(),
                                t,
                                x,
                                LitmusBackendProvider.DEFAULT_SERVICE_ACCOUNT,
                                f.share(),
                                f.duration(),
                                probes);
                        engines.add(manifest(r, f.name(), t.namespace()));
                        double correlation = correlation(f.fault());
                        if (correlation > 0) {
                            notes.add(new ConversionNote(
                                    what + " correlation",
                                    "left out: Litmus's " + x.name() + " has no correlation (it was "
                                            + Math.round(correlation * 100) + "%)"));
                        }
                        if (rollout != null) {
                            notes.add(new ConversionNote(
                                    what + " rollout",
                                    "exported at its widest stage, " + Rollout.percent(f.share())
                                            + " (PODS_AFFECTED_PERC): Litmus does not widen a fault stage by stage"
                                            + (rollout.stages().size() > 1
                                                    ? "; left out: the stages before it (" + rollout.narrower()
                                                            + ") and the check at each stage's end"
                                                    : "")));
                        }
                    } catch (IllegalArgumentException x) {
                        notes.add(new ConversionNote(what, "left out: " + x.getMessage()));
                    }
                }
                case MethodStep.WaitStep w ->
                    notes.add(new ConversionNote("step " + w.name(), "left out: a ChaosEngine has no waits"));
                case MethodStep.WaitUntilStep u ->
                    notes.add(new ConversionNote("step " + u.name(), "left out: a ChaosEngine has no waits"));
                case CommandStep c ->
                    notes.add(new ConversionNote(
                            "step " + c.name(),
                            "left out: a ChaosEngine cannot run command "
                                    + c.command().describe()));
            }
        }
        if (engines.isEmpty()) {
            throw new ExportException("runbook " + e.name() + " has no fault LitmusChaos can make (pod-kill,"
                    + " container-kill, latency, packet loss/duplicate/corrupt, cpu/memory/disk stress, node-drain"
                    + " on pods or nodes targets): "
                    + String.join(
                            "; ",
                            notes.stream()
                                    .filter(n -> n.source().startsWith("fault step "))
                                    .map(ConversionNote::toString)
                                    .toList()));
        }
        if (faults > 1) {
            notes.add(new ConversionNote(
                    "method",
                    "one ChaosEngine per fault step: each starts when it is applied, so the steps'"
                            + " order, lanes and start times are not kept"));
        }
        e.stopConditions()
                .forEach(c -> notes.add(new ConversionNote(
                        "stop condition " + c.probe().name(), "left out: a ChaosEngine has no stop conditions")));
        e.rollbacks()
                .forEach(r -> notes.add(
                        new ConversionNote("rollback " + r.name(), "left out: a ChaosEngine has no rollbacks")));
        return new Exported(List.of(new Exported.File(e.name() + ".yaml", ManifestYaml.writeAll(engines))), notes);
    }

    private static double correlation(dev.faultline.engine.model.Fault f) {
        return switch (f) {
            case dev.faultline.engine.model.ProxyFault.Latency l -> l.correlation();
            case dev.faultline.engine.model.NetworkFault.PacketLoss p -> p.correlation();
            case dev.faultline.engine.model.NetworkFault.PacketDuplicate p -> p.correlation();
            case dev.faultline.engine.model.NetworkFault.PacketCorrupt p -> p.correlation();
            default -> 0;
        };
    }

    private static Map<String, Object> manifest(GenericKubernetesResource r, String name, String namespace) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", r.getApiVersion());
        m.put("kind", r.getKind());
        m.put("metadata", Map.of("name", name, "namespace", namespace));
        m.put("spec", r.getAdditionalProperties().get("spec"));
        return m;
    }
}
