package dev.faultline.plugin.toxiproxy;

import dev.faultline.engine.spi.BackendException;
import dev.faultline.plugin.toxiproxy.protocol.Proxy;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyClient;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyException.ErrorAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment's declared proxies made to exist on one Toxiproxy server for a run: those missing
 * are created one by one with {@code POST /proxies} (not {@code /populate}, which would replace an
 * existing proxy whose addresses differ), those already there are left exactly as they are, and
 * only the ones created here are deleted again, at the end of the run ({@link #removeCreated}) or by
 * the recovery of a run that died ({@link #remove}).
 */
final class DeclaredProxies {
    private final List<DeclaredProxy> declared;
    /** Created here: name to the address it listens on. */
    private final Map<String, String> created = new LinkedHashMap<>();
    /** Found on the server with other addresses than declared: name to a remark. */
    private final Map<String, String> different = new LinkedHashMap<>();

    private boolean ensured;

    DeclaredProxies(List<DeclaredProxy> declared) {
        this.declared = List.copyOf(declared);
    }

    boolean isEmpty() {
        return declared.isEmpty();
    }

    boolean declares(String name) {
        return declared.stream().anyMatch(p -> p.name().equals(name));
    }

    /**
     * Creates the declared proxies the server does not have; once per run (again after a failure, for
     * those still missing).
     *
     * @throws BackendException naming the proxy that could not be created, the server's answer and what to change
     */
    synchronized void ensure(ToxiproxyApi api) throws BackendException {
        if (ensured || declared.isEmpty()) {
            return;
        }
        Map<String, Proxy> there;
        try {
            there = api.call(ToxiproxyClient::proxies);
        } catch (ErrorAnswer e) {
            throw new BackendException(
                    ToxiproxyBackendProvider.ID,
                    "listing the proxies at " + api.base() + " to create the environment's failed: "
                            + ToxiproxyApi.error(e));
        }
        for (DeclaredProxy p : declared) {
            Proxy found = there.get(p.name());
            if (found != null) {
                if (!created.containsKey(p.name()) && !p.matches(found.listen(), found.upstream())) {
                    different.put(
                            p.name(),
                            "the server's proxy listens on " + found.listen() + " -> " + found.upstream()
                                    + ", the environment declares " + p.listen() + " -> " + p.upstream()
                                    + ": left as it is");
                }
                continue;
            }
            try {
                Proxy made = api.call(c -> c.createProxy(p.name(), p.listen(), p.upstream(), p.enabled()));
                created.put(p.name(), made.listen());
            } catch (ErrorAnswer e) {
                if (e.status() == 409) {
                    continue; // made by someone else meanwhile: theirs, left alone
                }
                throw new BackendException(
                        ToxiproxyBackendProvider.ID,
                        "creating proxy '" + p.name() + "' (listen " + p.listen() + ", upstream " + p.upstream()
                                + ") at " + api.base() + " failed: " + ToxiproxyApi.error(e)
                                + "; change proxies." + p.name() + ".listen or .upstream in the environment, or"
                                + " create the proxy on the server yourself");
            }
        }
        ensured = true;
    }

    /** The names of the proxies created here, in the order they were made. */
    synchronized List<String> created() {
        return List.copyOf(created.keySet());
    }

    synchronized boolean createdHere(String name) {
        return created.containsKey(name);
    }

    /** "created for this run, listening on 127.0.0.1:40123", or why a proxy found differs; empty: nothing to say. */
    synchronized Optional<String> remark(String name) {
        if (created.containsKey(name)) {
            return Optional.of("created for this run from the environment, listening on " + created.get(name));
        }
        return Optional.ofNullable(different.get(name));
    }

    /** Deletes the proxies created here; the failures, one line each (a proxy gone already is not one). */
    synchronized List<String> removeCreated(ToxiproxyApi api) {
        List<String> failures = remove(api, List.copyOf(created.keySet()));
        created.clear();
        ensured = false;
        return failures;
    }

    /** Deletes the named proxies, each of which Faultline created; the failures, one line each. */
    static List<String> remove(ToxiproxyApi api, List<String> names) {
        List<String> failures = new ArrayList<>();
        for (String name : names) {
            try {
                api.run(c -> c.deleteProxy(name));
            } catch (ErrorAnswer e) {
                if (e.status() != 404) {
                    failures.add("proxy " + name + ": " + ToxiproxyApi.error(e));
                }
            } catch (BackendException e) {
                failures.add("proxy " + name + ": " + e.getMessage());
            }
        }
        return failures;
    }
}
