package dev.faultline.plugin.toxiproxy;

import java.io.IOException;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local HTTP server on 127.0.0.1 that answers as the Toxiproxy API documents it
 * (shared/protocols/toxiproxy.md): proxies and toxics in memory, 201 on proxy create (400 without
 * name or upstream, 409 for a name in use, 500 for an address in use, a port picked for {@code :0}), 200 on toxic
 * create, 204 on deletes and reset, errors as {@code {"error","status"}} with a text/plain content
 * type, 403 for browser user agents, an empty 503 when told to time out. It moves no bytes: the
 * effect of a toxic is its presence here.
 */
public final class ToxiproxyStub extends Dispatcher implements AutoCloseable {
    private static final Set<String> TYPES =
            Set.of("latency", "bandwidth", "slow_close", "timeout", "reset_peer", "slicer", "limit_data", "noop");
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, ObjectNode> proxies = new LinkedHashMap<>();
    private final Map<String, Map<String, ObjectNode>> toxics = new LinkedHashMap<>();
    private final MockWebServer server = new MockWebServer();
    private volatile boolean timingOut;
    private volatile long delayMillis;
    private int nextPort = 40000;
    private final List<String> calls = new java.util.ArrayList<>();

    public ToxiproxyStub() throws IOException {
        server.setDispatcher(this);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public synchronized void addProxy(String name) {
        ObjectNode p = json.createObjectNode()
                .put("name", name)
                .put("listen", "127.0.0.1:26379")
                .put("upstream", "127.0.0.1:6379")
                .put("enabled", true);
        proxies.put(name, p);
        toxics.put(name, new LinkedHashMap<>());
    }

    synchronized void addToxic(String proxy, String name, String type) {
        toxics.get(proxy)
                .put(
                        name,
                        json.createObjectNode()
                                .put("name", name)
                                .put("type", type)
                                .put("stream", "downstream")
                                .put("toxicity", 1.0));
    }

    /** The proxies the server has now, by name. */
    synchronized Set<String> proxyNames() {
        return Set.copyOf(proxies.keySet());
    }

    /** A proxy as {@code GET /proxies/NAME} answers it. */
    synchronized ObjectNode proxyJson(String name) {
        return proxy(name);
    }

    /** Every call answered so far, as "METHOD /path". */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<String> toxicNames(String proxy) {
        return List.copyOf(toxics.get(proxy).keySet());
    }

    synchronized ObjectNode toxic(String proxy, String name) {
        return toxics.get(proxy).get(name);
    }

    synchronized boolean enabled(String proxy) {
        return proxies.get(proxy).path("enabled").asBoolean();
    }

    /** From now on every call answers as a handler that ran out of time: 503, empty body. */
    void timeOut(boolean on) {
        timingOut = on;
    }

    /** From now on every answer is late by this much. */
    void delay(long millis) {
        delayMillis = millis;
    }

    @Override
    public MockResponse dispatch(RecordedRequest r) {
        MockResponse.Builder b;
        if (r.getHeaders().get("User-Agent") != null
                && r.getHeaders().get("User-Agent").startsWith("Mozilla/")) {
            b = new MockResponse.Builder()
                    .code(403)
                    .setHeader("Content-Type", "text/plain; charset=utf-8")
                    .body("User agent not allowed");
        } else if (timingOut) {
            b = new MockResponse.Builder().code(503);
        } else {
            b = answer(
                    r.getMethod(),
                    r.getUrl().encodedPath(),
                    r.getBody() == null ? "" : r.getBody().utf8());
        }
        b.setHeader("X-Toxiproxy-Request-Id", "stub-" + System.nanoTime());
        if (delayMillis > 0) {
            b.headersDelay(delayMillis, TimeUnit.MILLISECONDS);
        }
        return b.build();
    }

    private synchronized MockResponse.Builder answer(String method, String path, String body) {
        calls.add(method + " " + path);
        String[] seg = path.substring(1).split("/");
        if (path.equals("/version") && method.equals("GET")) {
            return new MockResponse.Builder()
                    .code(200)
                    .setHeader("Content-Type", "application/json;charset=utf-8")
                    .body("{\"version\": \"2.12.0\"}\n");
        }
        if (path.equals("/reset") && method.equals("POST")) {
            toxics.values().forEach(Map::clear);
            proxies.values().forEach(p -> p.put("enabled", true));
            return new MockResponse.Builder().code(204);
        }
        if (path.equals("/proxies") && method.equals("GET")) {
            ObjectNode all = json.createObjectNode();
            proxies.keySet().forEach(n -> all.set(n, proxy(n)));
            return ok(200, all);
        }
        if (path.equals("/proxies") && method.equals("POST")) {
            return create(parse(body));
        }
        if (seg.length < 2 || !seg[0].equals("proxies")) {
            return error(404, "404 page not found");
        }
        String name = seg[1];
        if (!proxies.containsKey(name)) {
            return error(404, "proxy not found");
        }
        if (seg.length == 2) {
            return switch (method) {
                case "GET" -> ok(200, proxy(name));
                case "POST", "PATCH" -> {
                    JsonNode change = parse(body);
                    if (change == null) {
                        yield error(400, "bad request body");
                    }
                    if (change.has("enabled")) {
                        proxies.get(name).put("enabled", change.get("enabled").asBoolean());
                    }
                    yield ok(200, proxy(name));
                }
                case "DELETE" -> {
                    proxies.remove(name);
                    toxics.remove(name);
                    yield new MockResponse.Builder().code(204);
                }
                default -> error(405, "method not allowed");
            };
        }
        Map<String, ObjectNode> mine = toxics.get(name);
        if (seg.length == 3 && seg[2].equals("toxics")) {
            if (method.equals("GET")) {
                return ok(200, json.valueToTree(List.copyOf(mine.values())));
            }
            JsonNode t = parse(body);
            if (t == null || !t.isObject()) {
                return error(400, "bad request body");
            }
            String stream = t.path("stream").asString("downstream").toLowerCase(java.util.Locale.ROOT);
            if (!stream.equals("upstream") && !stream.equals("downstream")) {
                return error(400, "stream was invalid, can be either upstream or downstream");
            }
            if (!TYPES.contains(t.path("type").asString(""))) {
                return error(400, "invalid toxic type");
            }
            String toxicName = t.path("name").asString(t.path("type").asString() + "_" + stream);
            if (mine.containsKey(toxicName)) {
                return error(409, "toxic already exists");
            }
            ObjectNode stored = json.createObjectNode();
            stored.set("attributes", t.path("attributes").isObject() ? t.get("attributes") : json.createObjectNode());
            stored.put("name", toxicName)
                    .put("type", t.path("type").asString())
                    .put("stream", stream)
                    .put("toxicity", t.path("toxicity").asDouble(1.0));
            mine.put(toxicName, stored);
            return ok(200, stored);
        }
        if (seg.length == 4 && seg[2].equals("toxics")) {
            ObjectNode t = mine.get(seg[3]);
            if (t == null) {
                return error(404, "toxic not found");
            }
            if (method.equals("DELETE")) {
                mine.remove(seg[3]);
                return new MockResponse.Builder().code(204);
            }
            return ok(200, t);
        }
        return error(404, "404 page not found");
    }

    private MockResponse.Builder create(JsonNode p) {
        if (p == null || !p.isObject()) {
            return error(400, "bad request body");
        }
        for (String field : List.of("name", "upstream")) {
            if (p.path(field).asString("").isEmpty()) {
                return error(400, "missing required field: " + field);
            }
        }
        String name = p.get("name").asString();
        if (proxies.containsKey(name)) {
            return error(409, "proxy already exists");
        }
        String listen = p.path("listen").asString("");
        if (listen.isEmpty() || listen.endsWith(":0")) {
            String host = listen.isEmpty() ? "127.0.0.1" : listen.substring(0, listen.length() - 2);
            listen = host + ":" + nextPort++;
        }
        String wanted = listen;
        if (proxies.values().stream().anyMatch(q -> q.path("listen").asString().equals(wanted))) {
            // what the server answers when the operating system refuses the bind
            return error(500, "listen tcp " + listen + ": bind: address already in use");
        }
        ObjectNode made = json.createObjectNode()
                .put("name", name)
                .put("listen", listen)
                .put("upstream", p.get("upstream").asString())
                .put("enabled", p.path("enabled").asBoolean(true));
        proxies.put(name, made);
        toxics.put(name, new LinkedHashMap<>());
        return ok(201, proxy(name));
    }

    private ObjectNode proxy(String name) {
        ObjectNode p = proxies.get(name).deepCopy();
        p.set("toxics", json.valueToTree(List.copyOf(toxics.get(name).values())));
        return p;
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private MockResponse.Builder ok(int code, JsonNode body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body.toString());
    }

    private MockResponse.Builder error(int code, String message) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "text/plain; charset=utf-8")
                .setHeader("X-Content-Type-Options", "nosniff")
                .body("{\"error\":\"" + message + "\",\"status\":" + code + "}\n");
    }

    @Override
    public void close() {
        server.close();
    }
}
