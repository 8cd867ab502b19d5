package dev.faultline.engine.model;

import java.util.List;
import java.util.Optional;

/** The steady state, as probes with tolerances. */
public record Hypothesis(String title, List<Probe> probes) {
    public Hypothesis {
        probes = List.copyOf(probes);
        long distinct = probes.stream().map(Probe::name).distinct().count();
        if (distinct != probes.size()) {
            throw new IllegalArgumentException("probe names must be unique within a hypothesis");
        }
    }

    public Optional<Probe> probe(String name) {
        return probes.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
