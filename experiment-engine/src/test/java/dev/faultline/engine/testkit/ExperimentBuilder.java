package dev.faultline.engine.testkit;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Hypothesis;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.StopCondition;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.model.Timing;
import dev.faultline.engine.model.Tolerance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds experiments over the simulated system, with short timings fit for tests. */
public final class ExperimentBuilder {
    private final List<Probe> probes = new ArrayList<>();
    private final List<MethodStep> method = new ArrayList<>();
    private final List<StopCondition> stops = new ArrayList<>();
    private final List<dev.faultline.engine.model.RollbackAction> rollbacks = new ArrayList<>();
    private BlastRadius blastRadius = BlastRadius.UNLIMITED;
    private Timing timing = new Timing(Duration.ZERO, Duration.ofMillis(50), 2, Duration.ofMillis(200), 2);

    public static ExperimentBuilder experiment() {
        return new ExperimentBuilder();
    }

    public static Probe probe(String name, String metric, Tolerance expect) {
        return new Probe(name, "simulated", Params.of("metric", metric), expect, true);
    }

    public ExperimentBuilder probe(Probe p) {
        probes.add(p);
        return this;
    }

    public ExperimentBuilder fault(String name, int lane, Duration duration, String target) {
        method.add(new MethodStep.FaultStep(
                name,
                lane,
                null,
                duration,
                SimulatedBackend.ID,
                new ProxyFault.Latency(Duration.ofMillis(300), Duration.ZERO),
                new Target("proxy", Params.of("name", target)),
                1.0));
        return this;
    }

    public ExperimentBuilder step(MethodStep step) {
        method.add(step);
        return this;
    }

    public ExperimentBuilder stopWhen(String probeName, Tolerance haltWhen) {
        Probe p = probes.stream()
                .filter(x -> x.name().equals(probeName))
                .findFirst()
                .orElseThrow();
        stops.add(new StopCondition("stop-" + probeName, p, haltWhen, 1));
        return this;
    }

    /** A stop condition whose halt is the outcome the experiment expects ({@code haltExpected: true}). */
    public ExperimentBuilder stopWhenExpected(String probeName, Tolerance haltWhen) {
        Probe p = probes.stream()
                .filter(x -> x.name().equals(probeName))
                .findFirst()
                .orElseThrow();
        stops.add(new StopCondition("stop-" + probeName, p, haltWhen, 1, true));
        return this;
    }

    public ExperimentBuilder blastRadius(BlastRadius br) {
        blastRadius = br;
        return this;
    }

    public ExperimentBuilder rollback(String name, String command) {
        return rollback(name, command, Duration.ofSeconds(5));
    }

    public ExperimentBuilder rollback(String name, String command, Duration timeout) {
        rollbacks.add(new dev.faultline.engine.model.RollbackAction(name, command, timeout));
        return this;
    }

    public ExperimentBuilder timing(Timing t) {
        timing = t;
        return this;
    }

    public Experiment build() {
        return new Experiment(
                "test-experiment",
                "Test experiment",
                "",
                Map.of(),
                "test",
                new Hypothesis("steady", probes),
                method,
                blastRadius,
                stops,
                rollbacks,
                timing);
    }
}
