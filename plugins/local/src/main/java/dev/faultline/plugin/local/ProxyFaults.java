package dev.faultline.plugin.local;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import java.net.http.HttpClient;
import java.util.Locale;

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
        return f instanceof ProxyFault.Down || toxic(f, 1.0, "").isPresent();
    }

    /** The Toxiproxy toxic that makes the fault, as the JSON body that creates it. */
    static java.util.Optional<String> toxic(Fault f, double share, String name) {
        String type;
        String attributes;
        if (f instanceof ProxyFault.Latency l) {
            type = "latency";
            attributes = "\"latency\":" + l.latency().toMillis() + ",\"jitter\":" + l.jitter().toMillis();
        } else if (f instanceof ProxyFault.Bandwidth b) {
            type = "bandwidth";
            attributes = "\"rate\":" + b.kilobytesPerSecond();
        } else if (f instanceof ProxyFault.SlowClose c) {
            type = "slow_close";
            attributes = "\"delay\":" + c.delay().toMillis();
        } else if (f instanceof ProxyFault.ConnectionTimeout t) {
            type = "timeout";
            attributes = "\"timeout\":" + t.after().toMillis();
        } else if (f instanceof ProxyFault.ResetPeer p) {
            type = "reset_peer";
            attributes = "\"timeout\":" + p.after().toMillis();
        } else if (f instanceof ProxyFault.Slicer s) {
            type = "slicer";
            attributes = "\"average_size\":" + s.averageBytes() + ",\"size_variation\":" + s.variationBytes()
                    + ",\"delay\":" + s.delay().toNanos() / 1000;
        } else if (f instanceof ProxyFault.LimitData d) {
            type = "limit_data";
            attributes = "\"bytes\":" + d.bytes();
        } else {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(Locale.ROOT, "{\"name\":\"%s\",\"type\":\"%s\",\"stream\":\"downstream\","
                + "\"toxicity\":%s,\"attributes\":{%s}}", name, type, share, attributes));
    }

    FaultHandle prepare(FaultRequest r) {
        String proxy = r.target().selector().require("name");
        String api = r.target().selector().get("api").orElse(defaultApi);
        if (!(r.fault() instanceof ProxyFault.Down)) {
            String toxic = toxicName(r.runId(), r.step());
            return new FaultHandle(LocalBackendProvider.ID, toxic, r.fault().describe() + " on proxy/" + proxy,
                    Params.of("kind", "toxic", "proxyApi", api, "proxy", proxy, "toxic", toxic));
        }
        return new FaultHandle(LocalBackendProvider.ID, "down_" + toxicName(r.runId(), r.step()),
                "proxy/" + proxy + " down", Params.of("kind", "down", "proxyApi", api, "proxy", proxy));
    }

    String findProxy(String api, String proxy) throws BackendException {
        ProxyApiClient.Answer a = client(api).get("/proxies/" + ProxyApiClient.seg(proxy));
        if (a.status() == 404) {
            throw new BackendException(LocalBackendProvider.ID, "the chaos proxy at " + api + " has no proxy '" + proxy + "'");
        }
        if (a.status() != 200) {
            throw new BackendException(LocalBackendProvider.ID, "proxy '" + proxy + "': " + ProxyApiClient.error(a));
        }
        return "proxy " + proxy + " (" + a.body().path("listen").asString() + " -> " + a.body().path("upstream").asString() + ")";
    }

    void inject(FaultRequest r, FaultHandle h) throws BackendException {
        Params d = h.data();
        ProxyApiClient api = client(d.require("proxyApi"));
        String proxy = ProxyApiClient.seg(d.require("proxy"));
        if (d.require("kind").equals("toxic")) {
            String body = toxic(r.fault(), r.share(), d.require("toxic")).orElseThrow();
            ProxyApiClient.Answer a = api.post("/proxies/" + proxy + "/toxics", body);
            if (a.status() != 200 && a.status() != 409) {
                throw new BackendException(LocalBackendProvider.ID, "adding the " + r.fault().type() + " toxic to proxy '"
                        + d.require("proxy") + "' failed: " + ProxyApiClient.error(a));
            }
        } else {
            ProxyApiClient.Answer a = api.post("/proxies/" + proxy, "{\"enabled\":false}");
            if (a.status() != 200) {
                throw new BackendException(LocalBackendProvider.ID, "taking proxy '" + d.require("proxy") + "' down failed: "
                        + ProxyApiClient.error(a));
            }
        }
    }

    void revert(FaultHandle h) throws BackendException {
        Params d = h.data();
        ProxyApiClient api = client(d.require("proxyApi"));
        String proxy = ProxyApiClient.seg(d.require("proxy"));
        ProxyApiClient.Answer a = d.require("kind").equals("toxic")
                ? api.delete("/proxies/" + proxy + "/toxics/" + ProxyApiClient.seg(d.require("toxic")))
                : api.post("/proxies/" + proxy, "{\"enabled\":true}");
        if (a.status() != 200 && a.status() != 204 && a.status() != 404) {
            throw new BackendException(LocalBackendProvider.ID, "reverting " + h.description() + " failed: "
                    + ProxyApiClient.error(a));
        }
    }

    /** Whether the toxic is gone (or the proxy enabled again), asked of the proxy itself. */
    boolean gone(FaultHandle h) throws BackendException {
        Params d = h.data();
        ProxyApiClient.Answer a = client(d.require("proxyApi")).get("/proxies/" + ProxyApiClient.seg(d.require("proxy")));
        if (a.status() == 404) {
            return true; // the proxy itself is gone, and its toxics with it
        }
        if (a.status() != 200) {
            throw new BackendException(LocalBackendProvider.ID, "checking " + h.description() + ": " + ProxyApiClient.error(a));
        }
        if (d.require("kind").equals("down")) {
            return a.body().path("enabled").asBoolean(false);
        }
        for (var t : a.body().path("toxics")) {
            if (t.path("name").asString().equals(d.require("toxic"))) {
                return false;
            }
        }
        return true;
    }

    String manualCleanup(FaultHandle h) {
        Params d = h.data();
        String proxy = d.get("proxy").orElse("?");
        String api = d.get("proxyApi").orElse(defaultApi);
        return d.get("kind").orElse("").equals("down")
                ? token.curl() + " -X POST -d '{\"enabled\":true}' " + api + "/proxies/" + proxy
                : token.curl() + " -X DELETE " + api + "/proxies/" + proxy + "/toxics/" + d.get("toxic").orElse("?");
    }

    String reset() throws BackendException {
        ProxyApiClient.Answer a = client(defaultApi).post("/reset", "");
        if (a.status() != 204 && a.status() != 200) {
            throw new BackendException(LocalBackendProvider.ID, "reset of " + defaultApi + " failed: " + ProxyApiClient.error(a));
        }
        return "every proxy at " + defaultApi + " enabled and every toxic removed";
    }

    private ProxyApiClient client(String api) {
        return new ProxyApiClient(api, http, token);
    }
}
