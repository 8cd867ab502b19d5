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
    private final Map<String, Double> shares = new ConcurrentHashMap<>();
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
        for (Map.Entry<String, String> f : faultsInEffect.entrySet()) {
            v += impacts.getOrDefault(f.getValue() + "->" + metric, 0.0) * shares.getOrDefault(f.getKey(), 1.0);
        }
        return v;
    }

    /** A fault in effect adds its target's impact times its share (1 for the whole of the traffic). */
    void apply(String faultId, String target, double share) {
        injections.incrementAndGet();
        shares.put(faultId, share);
        faultsInEffect.put(faultId, target);
    }

    /** Changes a fault's share in place; false when it is not in effect. */
    boolean changeShare(String faultId, double share) {
        if (!faultsInEffect.containsKey(faultId)) {
            return false;
        }
        shares.put(faultId, share);
        return true;
    }

    /** The share of the fault in effect, 0 when it is not. */
    public double share(String faultId) {
        return faultsInEffect.containsKey(faultId) ? shares.getOrDefault(faultId, 1.0) : 0;
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
