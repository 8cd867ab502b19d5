package dev.faultline.app.cli;

import dev.faultline.app.Composition;
import dev.faultline.engine.env.Environment;
import dev.faultline.engine.spi.Availability;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackendProvider;
import dev.faultline.engine.spi.MetricSourceProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code faultline environments}: the environments runbooks can name, each with its settings
 * (credentials only as references) and whether each backend answers, from the providers' checks.
 */
@Command(
        name = "environments",
        description =
                "List the environments (built in and from $FAULTLINE_HOME/environments.yaml)"
                        + " and whether their backends answer. Exit 2 when the settings file is bad, 1 when a backend does not answer.")
final class EnvironmentsCommand implements Callable<Integer> {
    @ParentCommand
    FaultlineCommand root;

    @Option(names = "--no-check", description = "list only, without asking the backends")
    boolean noCheck;

    @Override
    public Integer call() {
        Composition c = root.composition();
        if (!c.environmentProblems.isEmpty()) {
            c.environmentProblems.forEach(p -> root.err().println(p));
            root.err()
                    .println("the settings file " + c.home.environments() + " has problems; only the built-in"
                            + " environments are known until they are fixed");
            return ExitCodes.INVALID_INPUT;
        }
        boolean allUp = true;
        for (Environment env : c.environments.all()) {
            root.out()
                    .println(env.name()
                            + (env.production() ? "  [PRODUCTION: every run asks for confirmation]" : "")
                            + (env.sandbox() ? "  [the practice shop, started by Faultline]" : ""));
            for (Map.Entry<String, BackendSettings> e : checks(c, env).entrySet()) {
                String id = e.getKey();
                BackendSettings s = e.getValue();
                String status = noCheck ? "" : "  " + availability(c, id, s);
                // The sandbox's proxy is not there between runs: not a fault of the settings.
                if (env.sandbox() && (status.contains("UNAVAILABLE") || status.contains("NOT ready"))) {
                    status = "  not running now (Faultline starts the sandbox for a run)";
                }
                allUp &= !status.contains("UNAVAILABLE");
                root.out().println("  " + id + " " + s.values() + status);
            }
        }
        return allUp ? ExitCodes.OK : ExitCodes.DEVIATED_OR_HALTED;
    }

    /** What to show and check: each backend and probe type with settings, Kubernetes backends with the shared ones. */
    private static Map<String, BackendSettings> checks(Composition c, Environment env) {
        Map<String, BackendSettings> m = new LinkedHashMap<>();
        env.backends().keySet().stream().sorted().forEach(id -> {
            if (id.equals(Environment.KUBERNETES)) {
                Environment.KUBERNETES_BACKENDS.stream()
                        .sorted()
                        .filter(k -> c.plugins.backend(k).isPresent())
                        .forEach(k -> m.put(k, env.settingsFor(k)));
                m.putIfAbsent(id, env.settingsFor(id));
            } else {
                m.put(id, env.settingsFor(id));
            }
        });
        return m;
    }

    private static String availability(Composition c, String id, BackendSettings s) {
        Optional<FaultBackendProvider> backend = c.plugins.backend(id);
        Optional<MetricSourceProvider> probe = c.plugins.probeType(id);
        if (backend.isEmpty() && probe.isEmpty()) {
            return id.equals(Environment.KUBERNETES)
                    ? "(shared by the Kubernetes backends; none installed)"
                    : "not installed";
        }
        Availability a =
                backend.isPresent() ? backend.get().check(s) : probe.get().check(s);
        return (a.isAvailable() ? "ok: " : "UNAVAILABLE: ") + a.detail();
    }
}
