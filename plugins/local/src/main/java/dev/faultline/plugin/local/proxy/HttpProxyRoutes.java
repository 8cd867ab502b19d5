package dev.faultline.plugin.local.proxy;

import dev.faultline.plugin.local.http.HttpFaultProxy;
import dev.faultline.plugin.local.http.HttpFaultRule;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Faultline's extension of the Toxiproxy API for HTTP fault proxies, under {@code /faultline/http}:
 * create, list and delete proxies; add, list, remove their faults and change a fault's share
 * ({@code POST /faultline/http/NAME/faults/FAULT} with {@code {"share": 0.25}}). {@code /reset}
 * clears them.
 */
final class HttpProxyRoutes {
    private final Map<String, HttpFaultProxy> proxies = new TreeMap<>();
    private final EventLoopGroup group;
    private final ProxyJson json;

    HttpProxyRoutes(EventLoopGroup group, ProxyJson json) {
        this.group = group;
        this.json = json;
    }

    /** Answers a request under /faultline/http; {@code parts} are the path's segments after it. */
    synchronized Answer route(String method, String[] parts, String body) throws ApiError {
        if (parts.length == 0) {
            if (method.equals("GET")) {
                ObjectNode all = json.json.createObjectNode();
                proxies.values().forEach(p -> all.set(p.name(), proxy(p)));
                return new Answer(200, all);
            }
            if (method.equals("POST")) {
                return new Answer(201, proxy(create(json.parse(body))));
            }
        } else {
            HttpFaultProxy p = proxies.get(parts[0]);
            if (p == null) {
                throw ApiError.proxyNotFound();
            }
            if (parts.length == 1 && method.equals("GET")) {
                return new Answer(200, proxy(p));
            }
            if (parts.length == 1 && method.equals("DELETE")) {
                p.close();
                proxies.remove(parts[0]);
                return new Answer(204, null);
            }
            if (parts.length == 2 && parts[1].equals("faults")) {
                if (method.equals("GET")) {
                    return new Answer(200, faults(p));
                }
                if (method.equals("POST")) {
                    HttpFaultRule rule = HttpFaultJson.rule(json.parse(body));
                    Names.check("fault", rule.name(), "");
                    try {
                        if (!p.add(rule)) {
                            throw new ApiError(409, "fault already exists");
                        }
                    } catch (IllegalStateException full) {
                        throw new ApiError(400, full.getMessage());
                    }
                    return new Answer(200, HttpFaultJson.node(json.json, rule));
                }
            }
            if (parts.length == 3 && parts[1].equals("faults") && (method.equals("POST") || method.equals("PATCH"))) {
                double share = HttpFaultJson.changedShare(json.parse(body));
                if (!p.changeShare(parts[2], share)) {
                    throw new ApiError(404, "fault not found");
                }
                return new Answer(200, faults(p));
            }
            if (parts.length == 3 && parts[1].equals("faults") && method.equals("DELETE")) {
                if (!p.remove(parts[2])) {
                    throw new ApiError(404, "fault not found");
                }
                return new Answer(204, null);
            }
        }
        throw new ApiError(405, "method not allowed");
    }

    private HttpFaultProxy create(JsonNode n) throws ApiError {
        String name = n.path("name").asString("");
        if (name.isBlank()) {
            throw new ApiError(400, "missing required field: name");
        }
        Names.check("proxy", name, "");
        if (n.path("upstream").asString("").isBlank()) {
            throw new ApiError(400, "missing required field: upstream");
        }
        if (proxies.containsKey(name)) {
            throw new ApiError(409, "proxy already exists");
        }
        try {
            HttpFaultProxy p = HttpFaultProxy.start(
                    name,
                    Addresses.parse(n.path("listen").asString("127.0.0.1:0")),
                    Addresses.parse(n.path("upstream").asString()),
                    group);
            proxies.put(name, p);
            return p;
        } catch (IOException e) {
            throw new ApiError(500, e.getMessage());
        }
    }

    synchronized void reset() {
        proxies.values().forEach(HttpFaultProxy::clear);
    }

    synchronized void stopAll() {
        proxies.values().forEach(HttpFaultProxy::close);
        proxies.clear();
    }

    private ObjectNode proxy(HttpFaultProxy p) {
        ObjectNode n = json.json.createObjectNode();
        n.put("name", p.name());
        n.put("listen", p.listen());
        n.put("upstream", p.upstream());
        n.set("faults", faults(p));
        return n;
    }

    private ArrayNode faults(HttpFaultProxy p) {
        ArrayNode list = json.json.createArrayNode();
        p.faults().forEach(f -> list.add(HttpFaultJson.node(json.json, f)));
        return list;
    }

    record Answer(int status, JsonNode body) {}
}
