package dev.faultline.plugin.local;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.DiscoveredTarget;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.plugin.toxiproxy.protocol.FaultToxics;
import dev.faultline.plugin.toxiproxy.protocol.Proxy;
import dev.faultline.plugin.toxiproxy.protocol.Stream;
import dev.faultline.plugin.toxiproxy.protocol.Toxic;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyException.ErrorAnswer;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;

/**
 * Faults on a chaos proxy: latency as a toxic named after the run and step, "down" as the proxy
 * disabled. Revert data (the API address, the proxy, the toxic) travels in the handle.
 */
final class ProxyFaults {
    private final HttpClient http;
    private final ProxyApiToken token;
    private final String defaultApi;

    ProxyFaults(HttpClient http, ProxyApiToken token, String defaultApi) {
        this.http = http;
        this.token = token;
        this.defaultApi = defaultApi;
    }

    String defaultApi() {
        return defaultApi;
    }

    static String toxicName(String runId, String step) {
        return ("faultline_" + runId + "_" + step).replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** Whether the fault is made on a chaos proxy. */
    static boolean isProxyFault(Fault f) {
        return f instanceof ProxyFault;
    }

    /** The Toxiproxy toxic that makes the fault, on the downstream, for the share of connections. */
    static Optional<Toxic> toxic(Fault f, double share, String name) {
        return FaultToxics.of(f, name, Stream.DOWNSTREAM, share);
    }

    FaultHandle prepare(FaultRequest r) {
        String proxy = r.target().selector().require("name");
        String api = r.target().selector().get("api").orElse(defaultApi);
        if (!(r.fault() instanceof ProxyFault.Down)) {
            String toxic = toxicName(r.runId(), r.step());
            return new FaultHandle(
                    LocalBackendProvider.ID,
                    toxic,
                    r.fault().describe() + " on proxy/" + proxy,
                    Params.of("kind", "toxic", "proxyApi", api, "proxy", proxy, "toxic", toxic));
        }
        return new FaultHandle(
                LocalBackendProvider.ID,
                "down_" + toxicName(r.runId(), r.step()),
                "proxy/" + proxy + " down",
                Params.of("kind", "down", "proxyApi", api, "proxy", proxy));
    }

    /** The proxies the chaos proxy at {@code api} has, each with where it listens and where it forwards. */
    List<DiscoveredTarget> list(String api) throws BackendException {
        try {
            return client(api).call(c -> c.proxies()).values().stream()
                    .map(p -> DiscoveredTarget.single(
                            new Target("proxy", Params.of("name", p.name())), p.listen() + " -> " + p.upstream()))
                    .toList();
        } catch (ErrorAnswer e) {
            throw new BackendException(
                    LocalBackendProvider.ID, "listing the proxies of " + api + ": " + ProxyApiClient.error(e));
        }
    }

    String findProxy(String api, String proxy) throws BackendException {
        try {
            Proxy p = client(api).call(c -> c.proxy(proxy));
            return "proxy " + proxy + " (" + p.listen() + " -> " + p.upstream() + ")";
        } catch (ErrorAnswer e) {
            throw new BackendException(
                    LocalBackendProvider.ID,
                    e.status() == 404
                            ? "the chaos proxy at " + api + " has no proxy '" + proxy + "'"
                            : "proxy '" + proxy + "': " + ProxyApiClient.error(e));
        }
    }

    void inject(FaultRequest r, FaultHandle h) throws BackendException {
        Params d = h.data();
        ProxyApiClient api = client(d.require("proxyApi"));
        String proxy = d.require("proxy");
        if (d.require("kind").equals("toxic")) {
            Toxic toxic = toxic(r.fault(), r.share(), d.require("toxic")).orElseThrow();
            try {
                api.call(c -> c.addToxic(proxy, toxic));
            } catch (ErrorAnswer e) {
                if (e.status() != 409) { // 409: added before, by a retried injection
                    throw new BackendException(
                            LocalBackendProvider.ID,
                            "adding the " + r.fault().type() + " toxic to proxy '" + proxy + "' failed: "
                                    + ProxyApiClient.error(e));
                }
            }
        } else {
            try {
                api.call(c -> c.setEnabled(proxy, false));
            } catch (ErrorAnswer e) {
                throw new BackendException(
                        LocalBackendProvider.ID,
                        "taking proxy '" + proxy + "' down failed: " + ProxyApiClient.error(e));
            }
        }
    }

    /** The toxic's toxicity set to the request's share, in place: its attributes and connections kept. */
    void changeShare(FaultRequest r, FaultHandle h) throws BackendException {
        Params d = h.data();
        String proxy = d.require("proxy");
        try {
            client(d.require("proxyApi")).call(c -> c.setToxicity(proxy, d.require("toxic"), r.share()));
        } catch (ErrorAnswer e) {
            throw new BackendException(
                    LocalBackendProvider.ID,
                    "changing the share of " + h.description() + " failed: " + ProxyApiClient.error(e));
        }
    }

    void revert(FaultHandle h) throws BackendException {
        Params d = h.data();
        ProxyApiClient api = client(d.require("proxyApi"));
        String proxy = d.require("proxy");
        try {
            if (d.require("kind").equals("toxic")) {
                api.call(c -> {
                    c.removeToxic(proxy, d.require("toxic"));
                    return null;
                });
            } else {
                api.call(c -> c.setEnabled(proxy, true));
            }
        } catch (ErrorAnswer e) {
            if (e.status() != 404) { // the toxic or the whole proxy is gone already
                throw new BackendException(
                        LocalBackendProvider.ID,
                        "reverting " + h.description() + " failed: " + ProxyApiClient.error(e));
            }
        }
    }

    /** Whether the toxic is gone (or the proxy enabled again), asked of the proxy itself. */
    boolean gone(FaultHandle h) throws BackendException {
        Params d = h.data();
        Proxy p;
        try {
            p = client(d.require("proxyApi")).call(c -> c.proxy(d.require("proxy")));
        } catch (ErrorAnswer e) {
            if (e.status() == 404) {
                return true; // the proxy itself is gone, and its toxics with it
            }
            throw new BackendException(
                    LocalBackendProvider.ID, "checking " + h.description() + ": " + ProxyApiClient.error(e));
        }
        if (d.require("kind").equals("down")) {
            return p.enabled();
        }
        return p.toxics().stream().noneMatch(t -> t.name().equals(d.require("toxic")));
    }

    String manualCleanup(FaultHandle h) {
        Params d = h.data();
        String proxy = d.get("proxy").orElse("?");
        String api = d.get("proxyApi").orElse(defaultApi);
        return d.get("kind").orElse("").equals("down")
                ? token.curl() + " -X POST -d '{\"enabled\":true}' " + api + "/proxies/" + proxy
                : token.curl() + " -X DELETE " + api + "/proxies/" + proxy + "/toxics/"
                        + d.get("toxic").orElse("?");
    }

    String reset() throws BackendException {
        try {
            client(defaultApi).call(c -> {
                c.reset();
                return null;
            });
        } catch (ErrorAnswer e) {
            throw new BackendException(
                    LocalBackendProvider.ID, "reset of " + defaultApi + " failed: " + ProxyApiClient.error(e));
        }
        return "every proxy at " + defaultApi + " enabled and every toxic removed";
    }

    private ProxyApiClient client(String api) throws BackendException {
        return ProxyApiClient.open(api, http, token);
    }
}
