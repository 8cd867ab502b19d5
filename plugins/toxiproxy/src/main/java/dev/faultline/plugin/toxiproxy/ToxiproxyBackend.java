package dev.faultline.plugin.toxiproxy;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.FaultBackend;
import dev.faultline.engine.spi.FaultHandle;
import dev.faultline.engine.spi.FaultRequest;
import dev.faultline.engine.spi.FaultReset;
import dev.faultline.engine.spi.FaultVerification;
import dev.faultline.engine.spi.TargetDiscovery;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import tools.jackson.databind.JsonNode;

/**
 * Faults on a Toxiproxy server. A toxic is named {@code faultline-<run>-<step>}, acts on the
 * environment's stream direction with the step's share as its toxicity; {@code down} disables the
 * proxy. The handle holds the server, proxy and toxic, so any process can revert it. A reset removes
 * only Faultline's toxics (by their name prefix) and re-enables only the proxies it disabled.
 */
public final class ToxiproxyBackend implements FaultBackend, TargetDiscovery, FaultVerification, FaultReset {
    private final ToxiproxySettings settings;
    private final OkHttpClient http;
    private final ToxiproxyApi api;
    /** Proxies this backend took down, for {@link #resetAll}: another process's are reverted from its journal. */
    private final Set<String> disabledHere = ConcurrentHashMap.newKeySet();

    ToxiproxyBackend(ToxiproxySettings settings) throws BackendException {
        this.settings = settings;
        long ms = settings.timeout().toMillis();
        this.http = new OkHttpClient.Builder().connectTimeout(ms, TimeUnit.MILLISECONDS).readTimeout(ms, TimeUnit.MILLISECONDS)
                .writeTimeout(ms, TimeUnit.MILLISECONDS).callTimeout(ms * 2, TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false).build();
        this.api = new ToxiproxyApi(settings.url(), http, settings.resolveToken());
    }

    @Override
    public String id() {
        return ToxiproxyBackendProvider.ID;
    }

    /** "Toxiproxy 2.12.0 at http://...", from {@code GET /version}. */
    String version() throws BackendException {
        ToxiproxyApi.Answer a = api.get("/version");
        if (!a.ok()) {
            throw new BackendException(id(), "the server at " + api.base() + " answered GET /version with " + a.error());
        }
        return "Toxiproxy " + a.body().path("version").asString("?") + " at " + api.base();
    }

    @Override
    public FaultHandle prepare(FaultRequest r) throws BackendException {
        String proxy = proxyOf(r.target());
        String name = Toxics.name(r.runId(), r.step());
        if (r.fault() instanceof ProxyFault.Down) {
            if (r.share() < 1.0) {
                throw new BackendException(id(), "down takes a whole proxy (step " + r.step() + " asks for "
                        + Math.round(r.share() * 100) + "%); use a share of 100%, or timeout or reset-peer for a share");
            }
            return new FaultHandle(id(), name, "proxy/" + proxy + " down", Params.of("kind", "down", "url", api.base(),
                    "proxy", proxy));
        }
        if (Toxics.type(r.fault()).isEmpty()) {
            throw new BackendException(id(), "cannot make a '" + r.fault().type() + "' fault");
        }
        return new FaultHandle(id(), name, r.fault().describe() + " on proxy/" + proxy + " (" + settings.stream() + ")",
                Params.of("kind", "toxic", "url", api.base(), "proxy", proxy, "toxic", name, "stream", settings.stream()));
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
        String proxy = d.require("proxy");
        if (d.require("kind").equals("down")) {
            ToxiproxyApi.Answer a = server.patch("/proxies/" + ToxiproxyApi.seg(proxy), "{\"enabled\":false}");
            if (!a.ok()) {
                throw new BackendException(id(), "taking proxy '" + proxy + "' down failed: " + a.error());
            }
            disabledHere.add(server.base() + " " + proxy);
            return;
        }
        String toxic = d.require("toxic");
        String body = Toxics.body(server.json(), r.fault(), toxic, d.require("stream"), r.share()).toString();
        ToxiproxyApi.Answer a = server.post("/proxies/" + ToxiproxyApi.seg(proxy) + "/toxics", body);
        if (a.status() == 409) {
            // Already there: injected before (a retry). It must be the same toxic, else it is not ours to reuse.
            ToxiproxyApi.Answer existing = server.get("/proxies/" + ToxiproxyApi.seg(proxy) + "/toxics/" + ToxiproxyApi.seg(toxic));
            String wanted = Toxics.type(r.fault()).orElseThrow();
            if (existing.ok() && existing.body().path("type").asString("").equals(wanted)
                    && existing.body().path("stream").asString("").equalsIgnoreCase(d.require("stream"))) {
                return;
            }
            throw new BackendException(id(), "proxy '" + proxy + "' already has a toxic named " + toxic + " that is not this "
                    + wanted + " toxic (" + existing.body() + ")");
        }
        if (!a.ok()) {
            throw new BackendException(id(), "adding the " + r.fault().type() + " toxic to proxy '" + proxy + "' at "
                    + server.base() + " failed: " + a.error());
        }
    }

    @Override
    public void revert(FaultHandle h) throws BackendException {
        Params d = h.data();
        ToxiproxyApi server = server(d);
        String proxy = d.require("proxy");
        ToxiproxyApi.Answer a = d.require("kind").equals("down")
                ? server.patch("/proxies/" + ToxiproxyApi.seg(proxy), "{\"enabled\":true}")
                : server.delete("/proxies/" + ToxiproxyApi.seg(proxy) + "/toxics/" + ToxiproxyApi.seg(d.require("toxic")));
        if (!a.ok() && a.status() != 404) { // 404: the toxic or the whole proxy is gone already
            throw new BackendException(id(), "reverting " + h.description() + " failed: " + a.error());
        }
        if (d.require("kind").equals("down")) {
            disabledHere.remove(server.base() + " " + proxy);
        }
    }

    @Override
    public Verification verifyGone(FaultHandle h) throws BackendException {
        Params d = h.data();
        ToxiproxyApi.Answer a = server(d).get("/proxies/" + ToxiproxyApi.seg(d.require("proxy")));
        if (a.status() == 404) {
            return new Verification(true, "proxy " + d.require("proxy") + " no longer exists");
        }
        if (!a.ok()) {
            throw new BackendException(id(), "checking " + h.description() + ": " + a.error());
        }
        if (d.require("kind").equals("down")) {
            boolean enabled = a.body().path("enabled").asBoolean(false);
            return new Verification(enabled, enabled ? "proxy " + d.require("proxy") + " enabled" : "proxy still disabled");
        }
        for (JsonNode t : a.body().path("toxics")) {
            if (t.path("name").asString("").equals(d.require("toxic"))) {
                return new Verification(false, "toxic " + d.require("toxic") + " still on proxy " + d.require("proxy"));
            }
        }
        return new Verification(true, "toxic " + d.require("toxic") + " gone from proxy " + d.require("proxy"));
    }

    @Override
    public String findTarget(Target target) throws BackendException {
        String proxy = proxyOf(target);
        ToxiproxyApi.Answer a = api.get("/proxies/" + ToxiproxyApi.seg(proxy));
        if (a.status() == 404) {
            ToxiproxyApi.Answer all = api.get("/proxies");
            List<String> names = new ArrayList<>();
            all.body().propertyNames().forEach(names::add);
            throw new BackendException(id(), "the Toxiproxy server at " + api.base() + " has no proxy '" + proxy
                    + "' (it has: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
        if (!a.ok()) {
            throw new BackendException(id(), "looking up proxy '" + proxy + "': " + a.error());
        }
        return "proxy " + proxy + " (" + a.body().path("listen").asString("?") + " -> "
                + a.body().path("upstream").asString("?") + (a.body().path("enabled").asBoolean(true) ? "" : ", DISABLED") + ")";
    }

    /** Removes every toxic whose name has Faultline's prefix, and re-enables the proxies this backend disabled. */
    @Override
    public String resetAll() throws BackendException {
        ToxiproxyApi.Answer all = api.get("/proxies");
        if (!all.ok()) {
            throw new BackendException(id(), "listing the proxies at " + api.base() + " failed: " + all.error());
        }
        int removed = 0;
        List<String> failures = new ArrayList<>();
        for (String proxy : all.body().propertyNames()) {
            for (JsonNode t : all.body().path(proxy).path("toxics")) {
                String name = t.path("name").asString("");
                if (Toxics.isOurs(name)) {
                    ToxiproxyApi.Answer a = api.delete("/proxies/" + ToxiproxyApi.seg(proxy) + "/toxics/" + ToxiproxyApi.seg(name));
                    if (a.ok() || a.status() == 404) {
                        removed++;
                    } else {
                        failures.add(proxy + "/" + name + ": " + a.error());
                    }
                }
            }
        }
        int enabled = 0;
        for (String key : List.copyOf(disabledHere)) {
            String proxy = key.substring(key.indexOf(' ') + 1);
            ToxiproxyApi.Answer a = server(Params.of("url", key.substring(0, key.indexOf(' '))))
                    .patch("/proxies/" + ToxiproxyApi.seg(proxy), "{\"enabled\":true}");
            if (a.ok() || a.status() == 404) {
                disabledHere.remove(key);
                enabled++;
            } else {
                failures.add(proxy + ": " + a.error());
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
        return d.get("kind").orElse("").equals("down")
                ? "curl -X PATCH -d '{\"enabled\":true}' " + url + "/proxies/" + proxy
                : "curl -X DELETE " + url + "/proxies/" + proxy + "/toxics/" + d.get("toxic").orElse("?");
    }

    private ToxiproxyApi server(Params handleData) throws BackendException {
        String url = handleData.require("url");
        return url.equals(api.base()) ? api : new ToxiproxyApi(url, http, settings.resolveToken());
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
