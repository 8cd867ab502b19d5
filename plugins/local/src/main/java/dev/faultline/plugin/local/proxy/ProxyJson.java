package dev.faultline.plugin.local.proxy;

import dev.faultline.plugin.toxiproxy.protocol.Proxy;
import dev.faultline.plugin.toxiproxy.protocol.Stream;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyJson;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of the Toxiproxy API on the server side: proxies and toxics written as the shared
 * protocol writes them ({@link ToxiproxyJson}), and requests read strictly, with Toxiproxy's error
 * messages for what it refuses.
 */
final class ProxyJson {
    final JsonMapper json = ToxiproxyJson.mapper();

    ObjectNode proxy(ChaosProxy p) {
        return ToxiproxyJson.toJson(new Proxy(
                p.name(),
                p.listen(),
                p.upstream(),
                p.enabled(),
                p.toxics().stream().map(Toxic::wire).toList()));
    }

    ObjectNode toxic(Toxic t) {
        return ToxiproxyJson.toJson(t.wire());
    }

    JsonNode parse(String body) throws ApiError {
        try {
            return body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (JacksonException e) {
            throw ApiError.badBody(e.getOriginalMessage());
        }
    }

    ProxyConfig proxyConfig(JsonNode n) throws ApiError {
        if (!n.isObject()) {
            throw ApiError.badBody("expected an object");
        }
        return new ProxyConfig(
                text(n, "name"), text(n, "listen"), text(n, "upstream"), !n.has("enabled") || bool(n, "enabled"));
    }

    List<ProxyConfig> proxyConfigs(JsonNode n) throws ApiError {
        if (!n.isArray()) {
            throw ApiError.badBody("expected an array of proxies");
        }
        List<ProxyConfig> out = new ArrayList<>();
        for (JsonNode p : n) {
            out.add(proxyConfig(p));
        }
        return out;
    }

    Toxic newToxic(JsonNode n) throws ApiError {
        if (!n.isObject()) {
            throw ApiError.badBody("expected an object");
        }
        String type = text(n, "type");
        String streamText = n.has("stream") ? text(n, "stream").toLowerCase(java.util.Locale.ROOT) : "downstream";
        Stream stream = Stream.parse(streamText)
                .orElseThrow(() -> new ApiError(400, "stream was invalid, can be either upstream or downstream"));
        double toxicity = n.has("toxicity") ? number(n, "toxicity") : 1.0;
        Map<String, Long> attributes = Toxic.validate(type, toxicity, attributes(n.path("attributes")));
        String name = n.has("name") && !text(n, "name").isEmpty() ? text(n, "name") : type + "_" + stream.json();
        Names.check("toxic", name, "");
        return new Toxic(name, type, stream, toxicity, attributes);
    }

    Toxic changedToxic(Toxic old, JsonNode n) throws ApiError {
        if (!n.isObject()) {
            throw ApiError.badBody("expected an object");
        }
        double toxicity = n.has("toxicity") ? number(n, "toxicity") : old.toxicity();
        return old.withChanges(toxicity, Toxic.validate(old.type(), toxicity, attributes(n.path("attributes"))));
    }

    private static Map<String, BigInteger> attributes(JsonNode a) throws ApiError {
        Map<String, BigInteger> out = new TreeMap<>();
        if (a.isMissingNode() || a.isNull()) {
            return out;
        }
        if (!a.isObject()) {
            throw ApiError.badBody("attributes must be an object");
        }
        for (Map.Entry<String, JsonNode> e : a.properties()) {
            if (!e.getValue().isIntegralNumber()) {
                throw ApiError.badBody("attribute " + e.getKey() + " must be an integer");
            }
            out.put(e.getKey(), e.getValue().bigIntegerValue());
        }
        return out;
    }

    private static String text(JsonNode n, String key) throws ApiError {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isString()) {
            throw ApiError.badBody(key + " must be a string");
        }
        return v.asString();
    }

    private static boolean bool(JsonNode n, String key) throws ApiError {
        JsonNode v = n.get(key);
        if (!v.isBoolean()) {
            throw ApiError.badBody(key + " must be true or false");
        }
        return v.asBoolean();
    }

    private static double number(JsonNode n, String key) throws ApiError {
        JsonNode v = n.get(key);
        if (!v.isNumber()) {
            throw ApiError.badBody(key + " must be a number");
        }
        return v.asDouble();
    }
}
