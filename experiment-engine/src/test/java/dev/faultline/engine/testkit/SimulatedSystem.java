package dev.faultline.engine.testkit;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A system under test for engine tests: it has named metrics whose values depend on the faults
 * currently in effect. Each fault in effect adds its {@code impact} to the metric it hits.
 */
public final class SimulatedSystem {
    private final Map<String, Double> base = new ConcurrentHashMap<>();
    private final Map<String, String> faultsInEffect = new ConcurrentHashMap<>();
    private final Map<String, Double> impacts = new ConcurrentHashMap<>();
    private final AtomicInteger injections = new AtomicInteger();
    private final Set<String> targets = ConcurrentHashMap.newKeySet();

    public SimulatedSystem metric(String name, double value) {
        base.put(name, value);
        return this;
    }

    /** Faults on {@code target} add {@code delta} to {@code metric} while in effect. */
    public SimulatedSystem impact(String target, String metric, double delta) {
        impacts.put(target + "->" + metric, delta);
        targets.add(target);
        return this;
    }

    public SimulatedSystem target(String target) {
        targets.add(target);
        return this;
    }

    public boolean hasTarget(String target) {
        return targets.contains(target);
    }

    public double read(String metric) {
        double v = base.getOrDefault(metric, 0.0);
        for (String target : faultsInEffect.values()) {
            v += impacts.getOrDefault(target + "->" + metric, 0.0);
        }
        return v;
    }

    void apply(String faultId, String target) {
        injections.incrementAndGet();
        faultsInEffect.put(faultId, target);
    }

    void remove(String faultId) {
        faultsInEffect.remove(faultId);
    }

    public boolean inEffect(String faultId) {
        return faultsInEffect.containsKey(faultId);
    }

    public int faultsInEffect() {
        return faultsInEffect.size();
    }

    public int injections() {
        return injections.get();
    }

    void clear() {
        faultsInEffect.clear();
    }
}
