package dev.faultline.plugin.kube.interop;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Hypothesis;
import dev.faultline.engine.model.Limits;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Timing;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.spi.interop.ConversionNote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * An experiment made of what a manifest says: its steps, a blast radius that allows exactly them
 * (the largest share, the method's length, the most pods a step names), the default timing, and the
 * environment {@value #ENVIRONMENT} (the cluster the manifests were written for: rename it to yours).
 */
public final class ImportedExperiments {
    /** The environment imported cluster experiments run in, as the shipped cluster runbooks name it. */
    public static final String ENVIRONMENT = "staging";

    private ImportedExperiments() {}

    public static Experiment of(
            String name,
            String title,
            String description,
            String backend,
            Hypothesis hypothesis,
            List<MethodStep> method) {
        double maxShare = 0.01;
        int maxTargets = 1;
        boolean counted = true;
        Duration end = Duration.ZERO;
        Map<Integer, Duration> laneEnds = new java.util.HashMap<>();
        for (MethodStep s : method) {
            Duration start = s.explicitStart().orElse(laneEnds.getOrDefault(s.lane(), Duration.ZERO));
            Duration stepEnd = start.plus(s.plannedLength());
            laneEnds.put(s.lane(), stepEnd);
            end = end.compareTo(stepEnd) < 0 ? stepEnd : end;
            if (s instanceof MethodStep.FaultStep f) {
                maxShare = Math.max(maxShare, f.share());
                OptionalInt count = f.target()
                        .selector()
                        .get("count")
                        .map(c -> OptionalInt.of(Integer.parseInt(c)))
                        .orElse(OptionalInt.empty());
                if (count.isPresent()) {
                    maxTargets = Math.max(maxTargets, count.getAsInt());
                } else {
                    counted = false;
                }
            }
        }
        Duration maxDuration = end.isZero() ? Duration.ofMinutes(1) : end;
        if (maxDuration.compareTo(Limits.SPAN_MAX) > 0) {
            maxDuration = Limits.SPAN_MAX;
        }
        return new Experiment(
                runbookName(name),
                title,
                description,
                Map.of("backend", backend),
                ENVIRONMENT,
                hypothesis,
                method,
                new BlastRadius(List.of(), maxShare, maxDuration, counted ? maxTargets : Integer.MAX_VALUE),
                List.of(),
                List.of(),
                Timing.DEFAULT);
    }

    /**
     * The steady state when the source has none (Chaos Mesh never has one): the pods of each
     * namespace the steps fault are all Ready before the faults and after the recovery
     * (kube-state-metrics' {@code kube_pod_status_ready}, read through the environment's
     * Prometheus), judged at baseline and verification only, since a fault may well take pods down
     * on purpose. A note says so, to be replaced by the user's own probes.
     */
    public static Hypothesis podsReady(List<MethodStep> method, String source, List<ConversionNote> notes) {
        Set<String> namespaces = new TreeSet<>();
        for (MethodStep s : method) {
            if (s instanceof MethodStep.FaultStep f) {
                f.target().selector().get("namespace").ifPresent(namespaces::add);
            }
        }
        if (namespaces.isEmpty()) {
            namespaces.add("default");
        }
        List<Probe> probes = new ArrayList<>();
        for (String ns : namespaces) {
            probes.add(new Probe(
                    "pods-ready-" + runbookName(ns),
                    "prometheus",
                    Params.of("query", "min(kube_pod_status_ready{namespace=\"" + ns + "\", condition=\"true\"})"),
                    new Tolerance.Exact(1),
                    false));
        }
        notes.add(new ConversionNote(
                source,
                "has no steady state: the hypothesis checks that the pods of "
                        + String.join(", ", namespaces)
                        + " are all Ready before and after the faults (kube_pod_status_ready through the"
                        + " environment's Prometheus); replace it with probes of your own service"));
        return new Hypothesis("The pods are all Ready before and after the faults", probes);
    }

    /** A Kubernetes name ({@code web.delay_1}) as a runbook or step name: {@code web-delay-1}. */
    public static String runbookName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-+", "-");
        n = n.replaceAll("^-|-$", "");
        return n.isEmpty() ? "imported" : n;
    }

    /** {@code name}, or {@code name-2}, {@code name-3} ... when a step already has it. */
    public static String unique(String name, Set<String> taken) {
        String base = runbookName(name);
        String n = base;
        for (int i = 2; !taken.add(n); i++) {
            n = base + "-" + i;
        }
        return n;
    }

    public static Set<String> names() {
        return new HashSet<>();
    }
}
