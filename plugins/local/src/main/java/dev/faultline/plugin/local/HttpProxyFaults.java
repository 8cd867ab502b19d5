package dev.faultline.plugin.local;

import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.DiscoveredTarget;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyClient;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * HTTP faults on an HTTP fault proxy of the chaos proxy server ({@code target: {httpProxy: NAME}}),
 * through its {@code /faultline/http} API. The handle carries the API, the proxy and the fault's name.
 */
final class HttpProxyFaults {
    private final HttpClient http;
    private final ProxyApiToken token;
    private final String defaultApi;
    private final JsonMapper json = JsonMapper.builder().build();

    HttpProxyFaults(HttpClient http, ProxyApiToken token, String defaultApi) {
        this.http = http;
        this.token = token;
        this.defaultApi = defaultApi;
    }

    FaultHandle prepare(FaultRequest r) {
        String proxy = r.target().selector().require("name");
        String name = ProxyFaults.toxicName(r.runId(), r.step());
        return new FaultHandle(
                LocalBackendProvider.ID,
                name,
                r.fault().describe() + " via httpProxy/" + proxy,
                Params.of(
                        "kind",
                        "http",
                        "proxyApi",
                        r.target().selector().get("api").orElse(defaultApi),
                        "proxy",
                        proxy,
                        "fault",
                        name));
    }

    /** The HTTP fault proxies of the chaos proxy server at {@code api}, with where each listens and forwards to. */
    List<DiscoveredTarget> list(String api) throws BackendException {
        ToxiproxyClient.Answer a = client(api).get("/faultline/http");
        if (a.status() != 200) {
            throw new BackendException(
                    LocalBackendProvider.ID, "listing the HTTP proxies of " + api + ": " + ProxyApiClient.error(a));
        }
        List<DiscoveredTarget> found = new ArrayList<>();
        for (var p : a.body().properties()) {
            found.add(DiscoveredTarget.single(
                    new Target("httpProxy", Params.of("name", p.getKey())),
                    p.getValue().path("listen").asString() + " -> "
                            + p.getValue().path("upstream").asString()));
        }
        return found.stream()
                .sorted(Comparator.comparing(d -> d.target().label()))
                .toList();
    }

    String find(String api, String proxy) throws BackendException {
        ToxiproxyClient.Answer a = client(api).get("/faultline/http/" + ProxyApiClient.seg(proxy));
        if (a.status() != 200) {
            throw new BackendException(
                    LocalBackendProvider.ID,
                    "the chaos proxy at " + api + " has no HTTP proxy '" + proxy + "' (" + ProxyApiClient.error(a)
                            + "); create it with POST /faultline/http");
        }
        return "HTTP proxy " + proxy + " (" + a.body().path("listen").asString() + " -> "
                + a.body().path("upstream").asString() + ")";
    }

    void inject(FaultRequest r, FaultHandle h) throws BackendException {
        HttpFault f = (HttpFault) r.fault();
        ObjectNode n = json.createObjectNode();
        n.put("name", h.data().require("fault"));
        if (!f.method().isEmpty()) {
            n.put("method", f.method());
        }
        n.put("path", f.path());
        ObjectNode headers = n.putObject("headers");
        f.headers().forEach(headers::put);
        n.put("share", r.share());
        n.put("abort", f.abortStatus());
        n.put("delay", f.delay().toMillis());
        n.put("reset", f.reset());
        if (!f.replaceBody().isEmpty()) {
            n.put("replaceBody", f.replaceBody());
        }
        n.put("corruptBody", f.corruptBody());
        ObjectNode add = n.putObject("addHeaders");
        f.addHeaders().forEach(add::put);
        ToxiproxyClient.Answer a = client(h.data().require("proxyApi")).post(faults(h), json.writeValueAsString(n));
        if (a.status() != 200 && a.status() != 409) {
            throw new BackendException(
                    LocalBackendProvider.ID, "adding " + h.description() + " failed: " + ProxyApiClient.error(a));
        }
    }

    /** The fault's share of the requests changed in place, from the next request on. */
    void changeShare(FaultRequest r, FaultHandle h) throws BackendException {
        ObjectNode n = json.createObjectNode();
        n.put("share", r.share());
        ToxiproxyClient.Answer a = client(h.data().require("proxyApi"))
                .post(faults(h) + "/" + ProxyApiClient.seg(h.data().require("fault")), json.writeValueAsString(n));
        if (a.status() != 200) {
            throw new BackendException(
                    LocalBackendProvider.ID,
                    "changing the share of " + h.description() + " failed: " + ProxyApiClient.error(a));
        }
    }

    void revert(FaultHandle h) throws BackendException {
        ToxiproxyClient.Answer a = client(h.data().require("proxyApi"))
                .delete(faults(h) + "/" + ProxyApiClient.seg(h.data().require("fault")));
        if (a.status() != 204 && a.status() != 404) {
            throw new BackendException(
                    LocalBackendProvider.ID, "removing " + h.description() + " failed: " + ProxyApiClient.error(a));
        }
    }

    boolean gone(FaultHandle h) throws BackendException {
        ToxiproxyClient.Answer a = client(h.data().require("proxyApi")).get(faults(h));
        if (a.status() == 404) {
            return true;
        }
        for (var f : a.body()) {
            if (f.path("name").asString().equals(h.data().require("fault"))) {
                return false;
            }
        }
        return true;
    }

    String manualCleanup(FaultHandle h) {
        return token.curl() + " -X DELETE " + h.data().get("proxyApi").orElse(defaultApi) + "/faultline/http/"
                + h.data().get("proxy").orElse("?") + "/faults/"
                + h.data().get("fault").orElse("?");
    }

    private static String faults(FaultHandle h) {
        return "/faultline/http/" + ProxyApiClient.seg(h.data().require("proxy")) + "/faults";
    }

    private ProxyApiClient client(String api) throws BackendException {
        return ProxyApiClient.open(api, http, token);
    }
}
