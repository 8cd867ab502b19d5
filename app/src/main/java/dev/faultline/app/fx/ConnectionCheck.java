package dev.faultline.app.fx;

import dev.faultline.engine.env.Environment;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.FaultBackendProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The settings' connection check: every backend an environment names, tried with its settings as
 * the form has them, one line each saying whether it answered and, when not, what failed. Fault
 * backends answer their own cheap check; Prometheus its readiness endpoint.
 */
final class ConnectionCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(4);

    private ConnectionCheck() {}

    static List<String> of(Environment env, Collection<FaultBackendProvider> providers) {
        List<String> out = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (FaultBackendProvider p : providers) {
            boolean named = env.backends().containsKey(p.id())
                    || Environment.KUBERNETES_BACKENDS.contains(p.id())
                            && env.backends().containsKey(Environment.KUBERNETES);
            if (!named) {
                continue;
            }
            var a = p.check(env.settingsFor(p.id()));
            out.add(p.id() + ": " + (a.isAvailable() ? "answers" : "FAILED") + " (" + a.detail() + ")");
            checked.add(p.id());
        }
        BackendSettings prometheus = env.backends().get("prometheus");
        if (prometheus != null) {
            out.add("prometheus: " + prometheus(prometheus.values().get("url").orElse("")));
            checked.add("prometheus");
        }
        for (String id : env.backends().keySet()) {
            if (!checked.contains(id) && !id.equals(Environment.KUBERNETES)) {
                out.add(id + ": FAILED (no installed backend is called " + id + "; see faultline environments)");
            }
        }
        return out;
    }

    private static String prometheus(String url) {
        if (url.isBlank()) {
            return "FAILED (no url: give one, e.g. http://127.0.0.1:9090)";
        }
        URI ready = URI.create(url.endsWith("/") ? url + "-/ready" : url + "/-/ready");
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            HttpResponse<Void> r = http.send(
                    HttpRequest.newBuilder(ready).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200
                    ? "answers (" + ready + ")"
                    : "FAILED (" + ready + " answered HTTP " + r.statusCode() + ")";
        } catch (java.io.IOException e) {
            return "FAILED (" + ready + " cannot be reached: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "FAILED (the check was interrupted)";
        }
    }
}
