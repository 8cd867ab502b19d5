package dev.faultline.plugin.local.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Toxiproxy HTTP API over the proxies: same paths, JSON and status codes, so Toxiproxy
 * clients drive it unchanged. The JDK's HTTP server is enough for a small admin API that sees a
 * few requests a second; the data path is Netty.
 */
final class AdminApi {
    private static final Logger log = LoggerFactory.getLogger(AdminApi.class);
    static final String VERSION = "2.12.0-faultline";
    /** The largest request body read; a config of a thousand proxies is about 100 KiB. */
    static final int MAX_BODY = 1 << 20;

    private final ProxyRegistry proxies;
    private final HttpProxyRoutes httpProxies;
    private final ProxyJson json;

    private final @Nullable ApiToken token;

    AdminApi(ProxyRegistry proxies, HttpProxyRoutes httpProxies, ProxyJson json, @Nullable ApiToken token) {
        this.token = token;
        this.proxies = proxies;
        this.httpProxies = httpProxies;
        this.json = json;
    }

    void install(HttpServer server, ExecutorService executor) {
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    private void handle(HttpExchange x) throws IOException {
        x.getResponseHeaders().add("X-Toxiproxy-Request-Id", UUID.randomUUID().toString());
        try {
            if (token != null && !token.accepts(x.getRequestHeaders().getFirst("Authorization"))) {
                x.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                sendError(x, 401, "this chaos proxy API needs its token: send Authorization: Bearer TOKEN");
                return;
            }
            String agent = x.getRequestHeaders().getFirst("User-Agent");
            if (agent != null && agent.startsWith("Mozilla/")) {
                send(x, 403, "text/plain; charset=utf-8", "User agent not allowed");
                return;
            }
            byte[] bytes = x.getRequestBody().readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                sendError(x, 413, "bad request body: over " + MAX_BODY / 1024 + " KiB");
                return;
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            route(x, x.getRequestMethod(), x.getRequestURI().getPath(), body);
        } catch (ApiError e) {
            sendError(x, e.status(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("chaos proxy API failed on {} {}", x.getRequestMethod(), x.getRequestURI(), e);
            sendError(x, 500, String.valueOf(e.getMessage()));
        } finally {
            x.close();
        }
    }

    private void route(HttpExchange x, String method, String path, String body) throws IOException, ApiError {
        String[] parts = path.replaceAll("/+$", "").split("/");
        // parts[0] is "" for the leading slash
        if (path.equals("/version") && method.equals("GET")) {
            send(x, 200, "application/json;charset=utf-8", "{\"version\":\"" + VERSION + "\"}\n");
        } else if (path.equals("/reset") && method.equals("POST")) {
            proxies.reset();
            httpProxies.reset();
            send(x, 204, null, "");
        } else if (path.startsWith("/faultline/http")) {
            String rest = path.substring("/faultline/http".length()).replaceAll("^/+", "");
            HttpProxyRoutes.Answer a =
                    httpProxies.route(method, rest.isEmpty() ? new String[0] : rest.split("/"), body);
            if (a.body() == null) {
                send(x, a.status(), null, "");
            } else {
                sendJson(x, a.status(), a.body());
            }
        } else if (path.equals("/populate") && method.equals("POST")) {
            populate(x, body);
        } else if (parts.length == 2 && parts[1].equals("proxies")) {
            proxiesRoute(x, method, body);
        } else if (parts.length == 3 && parts[1].equals("proxies")) {
            proxyRoute(x, method, parts[2], body);
        } else if (parts.length == 4 && parts[1].equals("proxies") && parts[3].equals("toxics")) {
            toxicsRoute(x, method, proxies.get(parts[2]), body);
        } else if (parts.length == 5 && parts[1].equals("proxies") && parts[3].equals("toxics")) {
            toxicRoute(x, method, proxies.get(parts[2]), parts[4], body);
        } else {
            sendError(x, 404, "404 page not found");
        }
    }

    private void proxiesRoute(HttpExchange x, String method, String body) throws IOException, ApiError {
        if (method.equals("GET")) {
            ObjectNode all = json.json.createObjectNode();
            proxies.all().forEach(p -> all.set(p.name(), json.proxy(p)));
            sendJson(x, 200, all);
        } else if (method.equals("POST")) {
            sendJson(x, 201, json.proxy(proxies.create(json.proxyConfig(json.parse(body)))));
        } else {
            sendError(x, 405, "method not allowed");
        }
    }

    private void proxyRoute(HttpExchange x, String method, String name, String body) throws IOException, ApiError {
        switch (method) {
            case "GET" -> sendJson(x, 200, json.proxy(proxies.get(name)));
            case "POST", "PATCH" -> {
                ChaosProxy p = proxies.get(name);
                JsonNode n = json.parse(body);
                p.reconfigure(
                        n.has("listen") ? n.get("listen").asString() : p.listen(),
                        n.has("upstream") ? n.get("upstream").asString() : p.upstream());
                if (n.has("enabled")) {
                    if (!n.get("enabled").isBoolean()) {
                        throw ApiError.badBody("enabled must be true or false");
                    }
                    p.setEnabled(n.get("enabled").asBoolean());
                }
                sendJson(x, 200, json.proxy(p));
            }
            case "DELETE" -> {
                proxies.delete(name);
                send(x, 204, null, "");
            }
            default -> sendError(x, 405, "method not allowed");
        }
    }

    private void toxicsRoute(HttpExchange x, String method, ChaosProxy p, String body) throws IOException, ApiError {
        if (method.equals("GET")) {
            ArrayNode list = json.json.createArrayNode();
            p.toxics().forEach(t -> list.add(json.toxic(t)));
            sendJson(x, 200, list);
        } else if (method.equals("POST")) {
            Toxic t = json.newToxic(json.parse(body));
            p.addToxic(t);
            sendJson(x, 200, json.toxic(t));
        } else {
            sendError(x, 405, "method not allowed");
        }
    }

    private void toxicRoute(HttpExchange x, String method, ChaosProxy p, String name, String body)
            throws IOException, ApiError {
        switch (method) {
            case "GET" -> sendJson(x, 200, json.toxic(p.toxic(name)));
            case "POST", "PATCH" ->
                sendJson(x, 200, json.toxic(p.replaceToxic(json.changedToxic(p.toxic(name), json.parse(body)))));
            case "DELETE" -> {
                p.removeToxic(name);
                send(x, 204, null, "");
            }
            default -> sendError(x, 405, "method not allowed");
        }
    }

    private void populate(HttpExchange x, String body) throws IOException {
        List<ChaosProxy> done = new ArrayList<>();
        ArrayNode list = json.json.createArrayNode();
        try {
            proxies.populate(json.proxyConfigs(json.parse(body)), done);
            done.forEach(p -> list.add(json.proxy(p)));
            ObjectNode out = json.json.createObjectNode();
            out.set("proxies", list);
            sendJson(x, 201, out);
        } catch (ApiError e) {
            done.forEach(p -> list.add(json.proxy(p)));
            ObjectNode out = json.json.createObjectNode();
            out.put("error", e.getMessage());
            out.put("status", e.status());
            out.set("proxies", list);
            send(x, e.status(), "text/plain; charset=utf-8", json.json.writeValueAsString(out) + "\n");
        }
    }

    private void sendJson(HttpExchange x, int status, JsonNode body) throws IOException {
        send(x, status, "application/json", json.json.writeValueAsString(body));
    }

    private void sendError(HttpExchange x, int status, String message) throws IOException {
        ObjectNode n = json.json.createObjectNode();
        n.put("error", message);
        n.put("status", status);
        x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        send(x, status, "text/plain; charset=utf-8", json.json.writeValueAsString(n) + "\n");
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            x.getResponseHeaders().set("Content-Type", type);
        }
        x.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
