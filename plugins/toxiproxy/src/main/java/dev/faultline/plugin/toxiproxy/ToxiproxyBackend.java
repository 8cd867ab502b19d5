package dev.faultline.plugin.toxiproxy;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.engine.spi.FaultReset;
import dev.faultline.engine.spi.FaultShareChange;
import dev.faultline.engine.spi.FaultVerification;
import dev.faultline.engine.spi.TargetDiscovery;
import dev.faultline.plugin.toxiproxy.protocol.Proxy;
import dev.faultline.plugin.toxiproxy.protocol.Stream;
import dev.faultline.plugin.toxiproxy.protocol.Toxic;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyClient;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyException.ErrorAnswer;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyJson;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults on a Toxiproxy server. A toxic is named {@code faultline-<run>-<step>}, acts on the
 * environment's stream direction with the step's share as its toxicity; {@code down} disables the
 * proxy. The handle holds the server, proxy and toxic, so any process can revert it. A reset removes
 * only Faultline's toxics (by their name prefix) and re-enables only the proxies it disabled.
 *
 * <p>The proxies the environment declares ({@code proxies}) are made to exist in pre-flight, before
 * the baseline, so that probes through them see the service: missing ones are created, existing ones
 * left alone. Those created are deleted when the run closes the backend; each handle names them
 * ({@code created}), so that the recovery of a run that died with a fault on deletes them too.
 */
public final class ToxiproxyBackend
        implements FaultBackend, TargetDiscovery, FaultVerification, FaultReset, FaultShareChange {
    private static final Logger log = LoggerFactory.getLogger(ToxiproxyBackend.class);
    private final ToxiproxySettings settings;
    private final HttpClient http;
    private final ToxiproxyApi api;
    /** Proxies this backend took down, for {@link #resetAll}: another process's are reverted from its journal. */
    private final Set<String> disabledHere = ConcurrentHashMap.newKeySet();
    /** The environment's proxies, and which of them this backend created. */
    private final DeclaredProxies declared;

    ToxiproxyBackend(ToxiproxySettings settings) throws BackendException {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.api = new ToxiproxyApi(settings.url(), http, callLimit(), settings.resolveToken());
        this.declared = new DeclaredProxies(settings.proxies());
    }

    @Override
    public String id() {
        return ToxiproxyBackendProvider.ID;
    }

    /** "Toxiproxy 2.12.0 at http://...", from {@code GET /version}. */
    String version() throws BackendException {
        try {
            return "Toxiproxy " + api.call(ToxiproxyClient::version) + " at " + api.base();
        } catch (ErrorAnswer e) {
            throw new BackendException(
                    id(), "the server at " + api.base() + " answered GET /version with " + ToxiproxyApi.error(e));
        }
    }

    @Override
    public FaultHandle prepare(FaultRequest r) throws BackendException {
        String proxy = proxyOf(r.target());
        String name = Toxics.name(r.runId(), r.step());
        if (r.fault() instanceof ProxyFault.Down) {
            if (r.share() < 1.0) {
                throw new BackendException(
                        id(),
                        "down takes a whole proxy (step " + r.step() + " asks for " + Math.round(r.share() * 100)
                                + "%); use a share of 100%, or timeout or reset-peer for a share");
            }
            return new FaultHandle(
                    id(),
                    name,
                    "proxy/" + proxy + " down",
                    withCreated(Params.of("kind", "down", "url", api.base(), "proxy", proxy)));
        }
        if (Toxics.type(r.fault()).isEmpty()) {
            throw new BackendException(id(), "cannot make a '" + r.fault().type() + "' fault");
        }
        return new FaultHandle(
                id(),
                name,
                r.fault().describe() + " on proxy/" + proxy + " (" + settings.stream() + ")",
                withCreated(Params.of(
                        "kind",
                        "toxic",
                        "url",
                        api.base(),
                        "proxy",
                        proxy,
                        "toxic",
                        name,
                        "stream",
                        settings.stream())));
    }

    /** The handle's data, naming the proxies this backend created for the run (for a recovery to delete). */
    private Params withCreated(Params data) {
        List<String> created = declared.created();
        return created.isEmpty() ? data : data.with("created", String.join(",", created));
    }

    private String proxyOf(Target t) throws BackendException {
        if (!t.kind().equals("proxy") || t.selector().get("name").isEmpty()) {
            throw new BackendException(id(), "Toxiproxy targets are proxies: target: {proxy: NAME}, not " + t.label());
        }
        return t.selector().require("name");
    }

    @Override
    public void inject(FaultRequest r, FaultHandle h) throws BackendException {
        Params d = h.data();
        ToxiproxyApi server = server(d);
        if (server == api) {
            declared.ensure(api); // done in pre-flight already; here for a caller that skipped it
        }
        String proxy = d.require("proxy");
        if (d.require("kind").equals("down")) {
            try {
                server.call(c -> c.setEnabled(proxy, false));
            } catch (ErrorAnswer e) {
                throw new BackendException(id(), "taking proxy '" + proxy + "' down failed: " + ToxiproxyApi.error(e));
            }
            disabledHere.add(server.base() + " " + proxy);
            return;
        }
        String name = d.require("toxic");
        Stream stream = Stream.parse(d.require("stream"))
                .orElseThrow(() -> new BackendException(
                        id(),
                        "the handle of " + h.description() + " names the stream '" + d.require("stream")
                                + "': upstream or downstream"));
        Toxic toxic = Toxics.toxic(r.fault(), name, stream, r.share());
        try {
            server.call(c -> c.addToxic(proxy, toxic));
        } catch (ErrorAnswer e) {
            if (e.status() != 409) {
                throw new BackendException(
                        id(),
                        "adding the " + r.fault().type() + " toxic to proxy '" + proxy + "' at " + server.base()
                                + " failed: " + ToxiproxyApi.error(e));
            }
            // Already there: injected before (a retry). It must be the same toxic, else it is not ours to reuse.
            String existing;
            try {
                Toxic there = server.call(c -> c.toxic(proxy, name));
                if (there.type().equals(toxic.type()) && there.stream() == stream) {
                    return;
                }
                existing = ToxiproxyJson.write(ToxiproxyJson.toJson(there));
            } catch (ErrorAnswer notThere) {
                existing = ToxiproxyApi.error(notThere);
            }
            throw new BackendException(
                    id(),
                    "proxy '" + proxy + "' already has a toxic named " + name + " that is not this " + toxic.type()
                            + " toxic (" + existing + ")");
        }
    }

    /** A toxic's toxicity changes in place; a proxy taken down has no share. */
    @Override
    public boolean changesShareInPlace(FaultHandle h) {
        return !h.data().get("kind").orElse("").equals("down");
    }

    @Override
    public void changeShare(FaultRequest r, FaultHandle h) throws BackendException {
        Params d = h.data();
        ToxiproxyApi server = server(d);
        String proxy = d.require("proxy");
        try {
            server.call(c -> c.setToxicity(proxy, d.require("toxic"), r.share()));
        } catch (ErrorAnswer e) {
            throw new BackendException(
                    id(), "changing the share of " + h.description() + " failed: " + ToxiproxyApi.error(e));
        }
    }

    @Override
    public void revert(FaultHandle h) throws BackendException {
        Params d = h.data();
        ToxiproxyApi server = server(d);
        String proxy = d.require("proxy");
        try {
            if (d.require("kind").equals("down")) {
                server.call(c -> c.setEnabled(proxy, true));
            } else {
                server.run(c -> c.removeToxic(proxy, d.require("toxic")));
            }
        } catch (ErrorAnswer e) {
            if (e.status() != 404) { // 404: the toxic or the whole proxy is gone already
                throw new BackendException(id(), "reverting " + h.description() + " failed: " + ToxiproxyApi.error(e));
            }
        }
        if (d.require("kind").equals("down")) {
            disabledHere.remove(server.base() + " " + proxy);
        }
        removeCreatedByADeadRun(server, d);
    }

    /**
     * A handle naming proxies a run created, reverted by a backend that did not create them: the
     * recovery of that run after it died. They are deleted, as the run would have at its end.
     */
    private void removeCreatedByADeadRun(ToxiproxyApi server, Params d) throws BackendException {
        List<String> theirs = d.get("created").stream()
                .flatMap(c -> java.util.Arrays.stream(c.split(",")))
                .map(String::strip)
                .filter(n -> !n.isEmpty() && !(server == api && declared.createdHere(n)))
                .toList();
        if (theirs.isEmpty()) {
            return; // the live run's own proxies: deleted when it closes the backend
        }
        List<String> failures = DeclaredProxies.remove(server, theirs);
        if (!failures.isEmpty()) {
            throw new BackendException(
                    id(),
                    "deleting the proxies a run created at " + server.base() + " failed: "
                            + String.join("; ", failures));
        }
    }

    @Override
    public Verification verifyGone(FaultHandle h) throws BackendException {
        Params d = h.data();
        Proxy p;
        try {
            p = server(d).call(c -> c.proxy(d.require("proxy")));
        } catch (ErrorAnswer e) {
            if (e.status() == 404) {
                return new Verification(true, "proxy " + d.require("proxy") + " no longer exists");
            }
            throw new BackendException(id(), "checking " + h.description() + ": " + ToxiproxyApi.error(e));
        }
        if (d.require("kind").equals("down")) {
            return new Verification(
                    p.enabled(), p.enabled() ? "proxy " + d.require("proxy") + " enabled" : "proxy still disabled");
        }
        if (p.toxics().stream().anyMatch(t -> t.name().equals(d.require("toxic")))) {
            return new Verification(false, "toxic " + d.require("toxic") + " still on proxy " + d.require("proxy"));
        }
        return new Verification(true, "toxic " + d.require("toxic") + " gone from proxy " + d.require("proxy"));
    }

    @Override
    public String findTarget(Target target) throws BackendException {
        String proxy = proxyOf(target);
        declared.ensure(api);
        Proxy p;
        try {
            p = api.call(c -> c.proxy(proxy));
        } catch (ErrorAnswer e) {
            if (e.status() == 404) {
                List<String> names;
                try {
                    names = List.copyOf(api.call(ToxiproxyClient::proxies).keySet());
                } catch (ErrorAnswer listing) {
                    names = List.of();
                }
                throw new BackendException(
                        id(),
                        "the Toxiproxy server at " + api.base() + " has no proxy '" + proxy + "' (it has: "
                                + (names.isEmpty() ? "none" : String.join(", ", names)) + ")"
                                + (declared.declares(proxy)
                                        ? ""
                                        : "; create it there, or declare it in the environment (toxiproxy"
                                                + " proxies: " + proxy + ", proxies." + proxy
                                                + ".upstream: HOST:PORT)"));
            }
            throw new BackendException(id(), "looking up proxy '" + proxy + "': " + ToxiproxyApi.error(e));
        }
        return "proxy " + proxy + " (" + p.listen() + " -> " + p.upstream() + (p.enabled() ? "" : ", DISABLED") + ")"
                + declared.remark(proxy).map(r -> ", " + r).orElse("");
    }

    /** Removes every toxic whose name has Faultline's prefix, and re-enables the proxies this backend disabled. */
    @Override
    public String resetAll() throws BackendException {
        Map<String, Proxy> all;
        try {
            all = api.call(ToxiproxyClient::proxies);
        } catch (ErrorAnswer e) {
            throw new BackendException(
                    id(), "listing the proxies at " + api.base() + " failed: " + ToxiproxyApi.error(e));
        }
        int removed = 0;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Proxy> p : all.entrySet()) {
            String proxy = p.getKey();
            for (Toxic t : p.getValue().toxics()) {
                if (Toxics.isOurs(t.name())) {
                    try {
                        api.run(c -> c.removeToxic(proxy, t.name()));
                        removed++;
                    } catch (ErrorAnswer e) {
                        if (e.status() == 404) {
                            removed++;
                        } else {
                            failures.add(proxy + "/" + t.name() + ": " + ToxiproxyApi.error(e));
                        }
                    }
                }
            }
        }
        int enabled = 0;
        for (String key : List.copyOf(disabledHere)) {
            String proxy = key.substring(key.indexOf(' ') + 1);
            try {
                server(Params.of("url", key.substring(0, key.indexOf(' ')))).call(c -> c.setEnabled(proxy, true));
                disabledHere.remove(key);
                enabled++;
            } catch (ErrorAnswer e) {
                if (e.status() == 404) {
                    disabledHere.remove(key);
                    enabled++;
                } else {
                    failures.add(proxy + ": " + ToxiproxyApi.error(e));
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new BackendException(id(), "reset at " + api.base() + " left " + String.join("; ", failures));
        }
        return removed + " Faultline toxic(s) removed and " + enabled + " proxy(ies) enabled at " + api.base()
                + "; other toxics were left alone";
    }

    @Override
    public String manualCleanup(FaultHandle h) {
        Params d = h.data();
        String url = d.get("url").orElse(api.base());
        String proxy = d.get("proxy").orElse("?");
        String created = d.get("created")
                .map(c -> java.util.Arrays.stream(c.split(","))
                        .map(n -> "; curl -X DELETE " + url + "/proxies/" + n.strip())
                        .collect(java.util.stream.Collectors.joining()))
                .orElse("");
        return (d.get("kind").orElse("").equals("down")
                        ? "curl -X PATCH -d '{\"enabled\":true}' " + url + "/proxies/" + proxy
                        : "curl -X DELETE " + url + "/proxies/" + proxy + "/toxics/"
                                + d.get("toxic").orElse("?"))
                + created;
    }

    private ToxiproxyApi server(Params handleData) throws BackendException {
        String url = handleData.require("url");
        return url.equals(api.base()) ? api : new ToxiproxyApi(url, http, callLimit(), settings.resolveToken());
    }

    /** The longest a whole call may take: twice the {@code timeout} setting (which also limits the connect). */
    private Duration callLimit() {
        return settings.timeout().multipliedBy(2);
    }

    /**
     * Deletes the proxies created for the run (each call bounded by the call limit), then closes the
     * connections without waiting for calls in flight.
     */
    @Override
    public void close() {
        List<String> failures = declared.removeCreated(api);
        if (!failures.isEmpty()) {
            log.warn(
                    "the proxies Faultline created at {} for the run could not all be deleted ({}); delete them"
                            + " with curl -X DELETE {}/proxies/NAME",
                    api.base(),
                    String.join("; ", failures),
                    api.base());
        }
        http.shutdownNow(); // never waits: a reset or a kill switch may close the backend mid-call
    }
}
