package dev.faultline.plugin.local.proxy;

import dev.faultline.plugin.local.http.HttpFaultRule;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** HTTP faults to and from the JSON of the {@code /faultline/http} API. */
final class HttpFaultJson {
    private HttpFaultJson() {}

    static HttpFaultRule rule(JsonNode n) throws ApiError {
        if (!n.isObject()) {
            throw ApiError.badBody("expected an object");
        }
        try {
            return new HttpFaultRule(
                    n.path("name").asString(""),
                    n.has("method") ? n.get("method").asString() : null,
                    n.path("path").asString("/**"),
                    strings(n.path("headers")),
                    share(n),
                    (int) integer(n, "abort", 999),
                    integer(n, "delay", HttpFaultRule.MAX_DELAY_MILLIS),
                    n.path("reset").asBoolean(false),
                    n.has("replaceBody") ? n.get("replaceBody").asString() : null,
                    n.path("corruptBody").asBoolean(false),
                    strings(n.path("addHeaders")));
        } catch (IllegalArgumentException e) {
            throw ApiError.badBody(e.getMessage());
        }
    }

    static ObjectNode node(JsonMapper json, HttpFaultRule f) {
        ObjectNode n = json.createObjectNode();
        n.put("name", f.name());
        if (f.method() != null) {
            n.put("method", f.method());
        }
        n.put("path", f.pathGlob());
        ObjectNode h = n.putObject("headers");
        f.headers().forEach(h::put);
        n.put("share", f.share());
        n.put("abort", f.abortStatus());
        n.put("delay", f.delayMillis());
        n.put("reset", f.reset());
        if (f.replaceBody() != null) {
            n.put("replaceBody", f.replaceBody());
        }
        n.put("corruptBody", f.corruptBody());
        ObjectNode add = n.putObject("addHeaders");
        f.addHeaders().forEach(add::put);
        return n;
    }

    /** A whole number from 0 to {@code max} (0 when absent); beyond that range it is refused as it is written. */
    private static long integer(JsonNode n, String key, long max) throws ApiError {
        JsonNode v = n.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber()) {
            throw ApiError.badBody(key + " must be a whole number");
        }
        java.math.BigInteger value = v.bigIntegerValue();
        if (value.signum() < 0 || value.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
            throw ApiError.badBody(key + " is " + value + "; it must be from 0 to " + max);
        }
        return value.longValue();
    }

    /** The share of a change of share: required, a number above 0 and at most 1. */
    static double changedShare(JsonNode n) throws ApiError {
        JsonNode v = n.path("share");
        if (!v.isNumber() || !(v.asDouble() > 0 && v.asDouble() <= 1)) {
            throw ApiError.badBody("share must be a number above 0 and at most 1");
        }
        return v.asDouble();
    }

    private static double share(JsonNode n) throws ApiError {
        JsonNode v = n.path("share");
        if (v.isMissingNode() || v.isNull()) {
            return 1.0;
        }
        if (!v.isNumber()) {
            throw ApiError.badBody("share must be a number above 0 and at most 1");
        }
        return v.asDouble();
    }

    private static Map<String, String> strings(JsonNode n) {
        Map<String, String> out = new TreeMap<>();
        if (n.isObject()) {
            n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        }
        return out;
    }
}
