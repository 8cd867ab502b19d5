package dev.faultline.engine.run;

import dev.faultline.engine.env.Environment;
import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.MethodStep.FaultStep;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.spi.Availability;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.engine.spi.HypothesisAware;
import dev.faultline.engine.spi.MetricSource;
import dev.faultline.engine.spi.MetricSourceProvider;
import dev.faultline.engine.spi.TargetDiscovery;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The checks before anything is injected: each backend installed, reachable and able to make the
 * faults asked of it, each target present, the blast radius respected, each probe's source open.
 * It creates the run's backends and metric sources; the caller owns them afterwards.
 */
final class Preflight {
    private final RunnerServices services;

    Preflight(RunnerServices services) {
        this.services = services;
    }

    PreflightResult run(Experiment e, Environment env, Consumer<PreflightCheck> onCheck) {
        PreflightResult result = new PreflightResult();
        Consumer<PreflightCheck> report = c -> {
            result.add(c);
            onCheck.accept(c);
        };
        checkBlastRadius(e, report);
        for (String id : backendsUsed(e)) {
            openBackend(e, id, env.settingsFor(id), result, report);
        }
        for (FaultStep s : e.faultSteps()) {
            FaultBackend b = result.backends().get(s.backend());
            if (s.rollout() instanceof Rollout r && r.countsTargets()) {
                if (b != null) {
                    report.accept(new TargetCountCheck(services).check(s, r, b, e.blastRadius()));
                }
            } else if (b instanceof TargetDiscovery discovery) {
                try {
                    String found = services.calls()
                            .call(
                                    () -> discovery.findTarget(s.target(), s.fault(), s.share(), e.blastRadius()),
                                    services.policy().callTimeout());
                    report.accept(new PreflightCheck("target " + s.target().label(), true, found));
                } catch (Exception ex) {
                    report.accept(new PreflightCheck("target " + s.target().label(), false, message(ex)));
                }
            }
        }
        for (Probe p : e.allProbes()) {
            openProbe(p, env, result, report);
        }
        return result;
    }

    private static Set<String> backendsUsed(Experiment e) {
        Set<String> ids = new LinkedHashSet<>();
        e.faultSteps().forEach(s -> ids.add(s.backend()));
        return ids;
    }

    private void openBackend(
            Experiment e,
            String id,
            BackendSettings settings,
            PreflightResult result,
            Consumer<PreflightCheck> report) {
        Optional<FaultBackendProvider> provider = services.plugins().backend(id);
        if (provider.isEmpty()) {
            report.accept(new PreflightCheck(
                    "backend " + id,
                    false,
                    "not installed (installed: "
                            + String.join(
                                    ", ",
                                    services.plugins().backends().stream()
                                            .map(FaultBackendProvider::id)
                                            .toList())
                            + ")"));
            return;
        }
        for (FaultStep s : e.faultSteps()) {
            if (s.backend().equals(id)
                    && !provider.get().supportedFaults().contains(s.fault().getClass())) {
                report.accept(new PreflightCheck(
                        "step " + s.name(),
                        false,
                        "backend '" + id + "' cannot make a '" + s.fault().type() + "' fault"));
            }
        }
        Availability a = provider.get().check(settings);
        report.accept(new PreflightCheck("backend " + id, a.isAvailable(), a.detail()));
        if (!a.isAvailable()) {
            return;
        }
        try {
            FaultBackend backend = provider.get().create(settings);
            if (backend instanceof HypothesisAware aware) {
                aware.useHypothesis(e.hypothesis());
            }
            result.backends().put(id, backend);
            result.settings().put(id, settings);
        } catch (Exception ex) {
            report.accept(new PreflightCheck("backend " + id, false, message(ex)));
        }
    }

    private void openProbe(Probe p, Environment env, PreflightResult result, Consumer<PreflightCheck> report) {
        Optional<MetricSourceProvider> type = services.plugins().probeType(p.type());
        if (type.isEmpty()) {
            report.accept(
                    new PreflightCheck("probe " + p.name(), false, "no probe type '" + p.type() + "' is installed"));
            return;
        }
        try {
            MetricSource source = type.get().open(p, env.settingsFor(p.type()));
            result.sources().put(p, source);
            report.accept(new PreflightCheck("probe " + p.name(), true, p.type() + " source open"));
        } catch (Exception ex) {
            report.accept(new PreflightCheck("probe " + p.name(), false, message(ex)));
        }
    }

    private static void checkBlastRadius(Experiment e, Consumer<PreflightCheck> report) {
        List<BlastRadiusRules.Violation> violations = BlastRadiusRules.check(e);
        for (BlastRadiusRules.Violation v : violations) {
            report.accept(new PreflightCheck(
                    v.step().isEmpty() ? "blast radius" : "blast radius, step " + v.step(), false, v.message()));
        }
        if (violations.isEmpty()) {
            BlastRadius br = e.blastRadius();
            report.accept(new PreflightCheck(
                    "blast radius",
                    true,
                    e.faultSteps().stream()
                                    .map(s -> s.target().label())
                                    .distinct()
                                    .count() + " target(s), method "
                            + Durations.format(TimelinePlan.of(e).end())
                            + " of at most " + Durations.format(br.maxDuration())));
        }
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** What pre-flight found and opened. Closing it closes the backends and sources. */
    static final class PreflightResult implements AutoCloseable {
        private final java.util.List<PreflightCheck> checks = new java.util.ArrayList<>();
        private final Map<String, FaultBackend> backends = new LinkedHashMap<>();
        private final Map<String, BackendSettings> settings = new LinkedHashMap<>();
        private final Map<Probe, MetricSource> sources = new LinkedHashMap<>();

        void add(PreflightCheck c) {
            checks.add(c);
        }

        java.util.List<PreflightCheck> checks() {
            return java.util.List.copyOf(checks);
        }

        Map<String, FaultBackend> backends() {
            return backends;
        }

        Map<String, BackendSettings> settings() {
            return settings;
        }

        Map<Probe, MetricSource> sources() {
            return sources;
        }

        boolean passed() {
            return checks.stream().allMatch(PreflightCheck::passed);
        }

        String failures() {
            return String.join(
                    "; ",
                    checks.stream()
                            .filter(c -> !c.passed())
                            .map(c -> c.check() + ": " + c.detail())
                            .toList());
        }

        @Override
        public void close() {
            sources.values().forEach(MetricSource::close);
            backends.values().forEach(FaultBackend::close);
        }
    }
}
