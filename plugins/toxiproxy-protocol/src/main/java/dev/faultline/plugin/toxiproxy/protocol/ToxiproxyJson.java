package dev.faultline.plugin.toxiproxy.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Proxies and toxics to and from the Toxiproxy API's JSON. Written in the server's key order (a
 * toxic's {@code attributes} first, as Go writes its struct); read leniently with the server's
 * defaults (stream {@code downstream}, toxicity 1, name {@code <type>_<stream>}, missing attributes
 * and toxics empty), since clients must not depend on more than the documented fields.
 */
public final class ToxiproxyJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ToxiproxyJson() {}

    /** The one mapper, for servers that build other answers (lists, error bodies) next to these. */
    public static JsonMapper mapper() {
        return JSON;
    }

    public static ObjectNode toJson(Toxic t) {
        ObjectNode n = JSON.createObjectNode();
        ObjectNode a = n.putObject("attributes");
        t.attributes().forEach(a::put);
        n.put("name", t.name());
        n.put("type", t.type());
        n.put("stream", t.stream().json());
        n.put("toxicity", t.toxicity());
        return n;
    }

    public static ObjectNode toJson(Proxy p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", p.name());
        n.put("listen", p.listen());
        n.put("upstream", p.upstream());
        n.put("enabled", p.enabled());
        ArrayNode toxics = n.putArray("toxics");
        p.toxics().forEach(t -> toxics.add(toJson(t)));
        return n;
    }

    /** The body of {@code POST /proxies}: a proxy without toxics. */
    public static ObjectNode newProxy(String name, String listen, String upstream, boolean enabled) {
        return JSON.createObjectNode()
                .put("name", name)
                .put("listen", listen)
                .put("upstream", upstream)
                .put("enabled", enabled);
    }

    public static Toxic toxic(JsonNode n) {
        String type = n.path("type").asString("");
        Stream stream = Stream.parse(n.path("stream").asString("downstream")).orElse(Stream.DOWNSTREAM);
        String name = n.path("name").asString("");
        SequencedMap<String, Long> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> a : n.path("attributes").properties()) {
            attributes.put(a.getKey(), a.getValue().asLong(0));
        }
        return new Toxic(
                name.isEmpty() ? type + "_" + stream.json() : name,
                type,
                stream,
                n.path("toxicity").asDouble(1.0),
                attributes);
    }

    public static List<Toxic> toxics(JsonNode array) {
        List<Toxic> out = new ArrayList<>();
        for (JsonNode t : array) {
            if (t.isObject()) {
                out.add(toxic(t));
            }
        }
        return out;
    }

    public static Proxy proxy(JsonNode n) {
        return new Proxy(
                n.path("name").asString(""),
                n.path("listen").asString(""),
                n.path("upstream").asString(""),
                n.path("enabled").asBoolean(true),
                toxics(n.path("toxics")));
    }

    /** {@code GET /proxies}: an object keyed by proxy name, in the server's order. */
    public static SequencedMap<String, Proxy> proxies(JsonNode object) {
        SequencedMap<String, Proxy> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> p : object.properties()) {
            out.put(p.getKey(), proxy(p.getValue()));
        }
        return out;
    }

    /**
     * An answer's body: empty is an empty object, and text that is not JSON (a plain 403, a proxy's
     * error page) becomes {@code {"error": text}}, since error bodies come as text/plain anyway.
     */
    public static JsonNode read(String text) {
        if (text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(text);
            return n == null ? JSON.createObjectNode() : n;
        } catch (JacksonException e) {
            return JSON.createObjectNode().put("error", text.strip());
        }
    }

    public static String write(JsonNode n) {
        return JSON.writeValueAsString(n);
    }

    /** The {@code error} of an error body, or empty. */
    public static String error(JsonNode body) {
        return body.path("error").asString("");
    }
}
