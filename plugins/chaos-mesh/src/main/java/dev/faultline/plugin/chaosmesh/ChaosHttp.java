package dev.faultline.plugin.chaosmesh;

import dev.faultline.engine.model.HttpFault;
import dev.faultline.plugin.kube.PodTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP fault as HTTPChaos: a connection reset is {@code abort} on the request; an abort with a
 * status and a replaced body are a {@code replace} on the response; added headers a {@code patch}.
 */
final class ChaosHttp {
    private ChaosHttp() {}

    static ChaosKind fill(HttpFault h, PodTarget t, Map<String, Object> spec) {
        if (t.port().isEmpty()) {
            throw new IllegalArgumentException("an http fault on pods needs the target's port (the container port"
                    + " HTTPChaos proxies), e.g. pods: {..., port: 8080}");
        }
        if (h.corruptBody()) {
            throw new IllegalArgumentException("HTTPChaos cannot corrupt a body; use replaceBody");
        }
        boolean response = h.abortStatus() != 0
                || !h.replaceBody().isEmpty()
                || !h.addHeaders().isEmpty();
        if (response && h.reset()) {
            throw new IllegalArgumentException("HTTPChaos acts on the request or the response: a reset cannot go with"
                    + " abort, replaceBody or addHeaders");
        }
        spec.put("target", response ? "Response" : "Request");
        spec.put("port", t.port().getAsInt());
        spec.put("path", h.path().replace("**", "*"));
        if (!h.method().isEmpty()) {
            spec.put("method", h.method());
        }
        if (!h.headers().isEmpty()) {
            spec.put("request_headers", h.headers());
        }
        if (h.reset()) {
            spec.put("abort", true);
        }
        if (!h.delay().isZero()) {
            spec.put("delay", ChaosManifests.goDuration(h.delay()));
        }
        Map<String, Object> replace = new LinkedHashMap<>();
        if (h.abortStatus() != 0) {
            replace.put("code", h.abortStatus());
        }
        if (!h.replaceBody().isEmpty()) {
            replace.put("body", ChaosManifests.base64(h.replaceBody()));
        }
        if (!replace.isEmpty()) {
            spec.put("replace", replace);
        }
        if (!h.addHeaders().isEmpty()) {
            List<List<String>> headers = new ArrayList<>();
            h.addHeaders().forEach((k, v) -> headers.add(List.of(k, v)));
            spec.put("patch", Map.of("headers", headers));
        }
        return ChaosKind.HTTP;
    }
}
