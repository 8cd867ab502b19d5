package dev.faultline.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chaos experiment: the steady state to keep, the faults to inject along a timeline, how much
 * they may touch, and when to stop.
 *
 * @param name        the runbook's {@code metadata.name}, a stable id
 * @param environment where it runs: {@code sandbox}, or an environment from the user's settings
 */
public record Experiment(
        String name,
        String title,
        String description,
        Map<String, String> labels,
        String environment,
        Hypothesis hypothesis,
        List<MethodStep> method,
        BlastRadius blastRadius,
        List<StopCondition> stopConditions,
        List<RollbackAction> rollbacks,
        Timing timing) {
    public Experiment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(hypothesis, "hypothesis");
        Objects.requireNonNull(blastRadius, "blastRadius");
        Objects.requireNonNull(timing, "timing");
        labels = Map.copyOf(labels);
        method = List.copyOf(method);
        stopConditions = List.copyOf(stopConditions);
        rollbacks = List.copyOf(rollbacks);
        long distinct = method.stream().map(MethodStep::name).distinct().count();
        if (distinct != method.size()) {
            throw new IllegalArgumentException("step names must be unique within a method");
        }
    }

    public List<MethodStep.FaultStep> faultSteps() {
        return method.stream()
                .filter(MethodStep.FaultStep.class::isInstance)
                .map(MethodStep.FaultStep.class::cast)
                .toList();
    }

    /** Every probe read during a run, hypothesis and stop conditions, each once by name. */
    public List<Probe> allProbes() {
        Map<String, Probe> byName = new LinkedHashMap<>();
        hypothesis.probes().forEach(p -> byName.put(p.name(), p));
        stopConditions.forEach(s -> byName.putIfAbsent(s.probe().name(), s.probe()));
        return List.copyOf(byName.values());
    }
}
