package dev.faultline.engine.env;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.spi.BackendSettings;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The environments a runbook can name. Built in: {@code sandbox} (the local practice shop, which
 * Faultline starts and stops itself) and {@code local} (the local backend against services the user
 * runs, with a chaos proxy at the default address). The sandbox's chaos proxy is also its Toxiproxy
 * server, and its Prometheus (started when a runbook has PromQL probes) listens on
 * {@value #SANDBOX_PROMETHEUS}.
 */
public final class Environments {
    public static final String SANDBOX = "sandbox";
    public static final String LOCAL = "local";
    /** The sandbox's chaos proxy API for the default port base (18080 + 394). */
    public static final String SANDBOX_PROXY_API = "http://127.0.0.1:18474";
    /** Where Faultline starts a Prometheus scraping the sandbox, for runbooks with PromQL probes. */
    public static final String SANDBOX_PROMETHEUS = "http://127.0.0.1:18090";
    /** Where {@code faultline proxy} (and a Toxiproxy server) listens by default. */
    public static final String DEFAULT_TOXIPROXY = "http://127.0.0.1:8474";

    private final Map<String, Environment> byName;

    public Environments(Map<String, Environment> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static Environments builtIn() {
        Map<String, Environment> m = new TreeMap<>();
        BackendSettings local = new BackendSettings("local", Params.of("proxyApi", SANDBOX_PROXY_API));
        // The sandbox's chaos proxy speaks Toxiproxy's API, so the toxiproxy backend can drive it too.
        m.put(
                SANDBOX,
                new Environment(
                        SANDBOX,
                        false,
                        true,
                        Map.of(
                                "local",
                                local,
                                "toxiproxy",
                                new BackendSettings("toxiproxy", Params.of("url", SANDBOX_PROXY_API)),
                                "prometheus",
                                new BackendSettings("prometheus", Params.of("url", SANDBOX_PROMETHEUS)))));
        m.put(
                LOCAL,
                new Environment(
                        LOCAL,
                        false,
                        false,
                        Map.of(
                                "local",
                                local,
                                "toxiproxy",
                                new BackendSettings("toxiproxy", Params.of("url", DEFAULT_TOXIPROXY)))));
        return new Environments(m);
    }

    /** These environments with {@code more} added; one of the same name replaces the one here. */
    public Environments with(java.util.Collection<Environment> more) {
        Map<String, Environment> m = new TreeMap<>(byName);
        more.forEach(e -> m.put(e.name(), e));
        return new Environments(m);
    }

    /** Every environment, by name. */
    public java.util.List<Environment> all() {
        return java.util.List.copyOf(new TreeMap<>(byName).values());
    }

    /** The environments a user defined or changed: those that differ from the built-ins. */
    public java.util.List<Environment> userDefined() {
        Environments builtIn = builtIn();
        return all().stream()
                .filter(e -> !builtIn.find(e.name()).map(e::equals).orElse(false))
                .toList();
    }

    public Optional<Environment> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public String names() {
        return String.join(", ", new TreeMap<>(byName).keySet());
    }
}
