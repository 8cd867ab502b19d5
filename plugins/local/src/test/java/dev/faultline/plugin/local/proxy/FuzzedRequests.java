package dev.faultline.plugin.local.proxy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.nio.charset.StandardCharsets;

/**
 * Admin API requests made from fuzzer data: a method, a path of the API's shapes or raw, and a body
 * that is a proxy, a toxic, an HTTP proxy or fault, a populate array, or raw text. Every address in
 * a body is on loopback (a fuzzed host could bind every interface or wait on DNS); everything else,
 * the ports included, is the fuzzer's.
 */
final class FuzzedRequests {
    record Request(String method, String target, byte[] body) {}

    private static final String[] METHODS = {"GET", "POST", "PATCH", "DELETE", "PUT", "HEAD", "OPTIONS"};
    private static final String[] NAMES = {"p", "q", "h", "latency_downstream", "f"};
    private static final String[] TYPES = {
        "latency", "bandwidth", "slow_close", "timeout", "reset_peer", "slicer", "limit_data", "noop", "nope"
    };
    private static final String[] ATTRIBUTES = {
        "latency", "jitter", "rate", "delay", "timeout", "average_size", "size_variation", "bytes"
    };
    private static final String[] HOSTS = {"127.0.0.1", "localhost", "", "[127.0.0.1]", "[::1]", "::1"};
    private static final String[] NUMBERS = {
        "0",
        "-1",
        "1",
        "3600000",
        "3600001",
        "9223372036854",
        "9223372036854775807",
        "18446744073709551616",
        "1e400",
        "0.5",
        "-0.0",
        "1.0000001",
        "NaN",
        "\"12\"",
        "null",
        "true",
        "[]",
        "{}"
    };

    private FuzzedRequests() {}

    static Request next(FuzzedDataProvider d) {
        String method = d.consumeBoolean() ? d.pickValue(METHODS) : token(d.consumeString(8));
        String target = switch (d.consumeInt(0, 11)) {
            case 0 -> "/version";
            case 1 -> "/reset";
            case 2 -> "/populate";
            case 3 -> "/proxies";
            case 4 -> "/proxies/" + name(d);
            case 5 -> "/proxies/" + name(d) + "/toxics";
            case 6 -> "/proxies/" + name(d) + "/toxics/" + name(d);
            case 7 -> "/faultline/http";
            case 8 -> "/faultline/http/" + name(d);
            case 9 -> "/faultline/http/" + name(d) + "/faults";
            case 10 -> "/faultline/http/" + name(d) + "/faults/" + name(d);
            default -> path(d.consumeString(64));
        };
        String body = switch (d.consumeInt(0, 7)) {
            case 0 -> proxy(d);
            case 1 -> toxic(d);
            case 2 -> httpProxy(d);
            case 3 -> httpFault(d);
            case 4 -> "[" + proxy(d) + "," + proxy(d) + "]";
            case 5 -> "";
            default -> d.consumeString(512).replace("listen", "l1sten").replace("upstream", "upstr3am");
        };
        return new Request(method, target, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A path for traffic through an HTTP fault proxy. */
    static String trafficPath(FuzzedDataProvider d) {
        return path(d.consumeString(120));
    }

    private static String proxy(FuzzedDataProvider d) {
        return "{" + field("name", name(d)) + "," + field("listen", address(d)) + "," + field("upstream", address(d))
                + (d.consumeBoolean()
                        ? ",\"enabled\":" + d.pickValue(new String[] {"true", "false", "1", "\"no\""})
                        : "")
                + "}";
    }

    private static String toxic(FuzzedDataProvider d) {
        StringBuilder attributes = new StringBuilder();
        int n = d.consumeInt(0, 3);
        for (int i = 0; i < n; i++) {
            attributes
                    .append(i == 0 ? "" : ",")
                    .append('"')
                    .append(d.pickValue(ATTRIBUTES))
                    .append("\":")
                    .append(number(d));
        }
        return "{" + field("name", name(d)) + "," + field("type", d.pickValue(TYPES)) + ","
                + field("stream", d.pickValue(new String[] {"upstream", "downstream", "Up", "sideways"}))
                + ",\"toxicity\":" + number(d) + ",\"attributes\":{" + attributes + "}}";
    }

    private static String httpProxy(FuzzedDataProvider d) {
        return "{" + field("name", name(d)) + "," + field("listen", address(d)) + "," + field("upstream", address(d))
                + "}";
    }

    private static String httpFault(FuzzedDataProvider d) {
        return "{" + field("name", name(d)) + "," + field("method", d.pickValue(METHODS)) + ","
                + field("path", d.consumeString(80)) + ",\"share\":" + number(d) + ",\"abort\":" + number(d)
                + ",\"delay\":" + delay(d) + ",\"reset\":" + d.consumeBoolean()
                + (d.consumeBoolean() ? "," + field("replaceBody", d.consumeString(40)) : "")
                + ",\"corruptBody\":" + d.consumeBoolean() + ",\"headers\":{"
                + field(d.consumeString(10), d.consumeString(10))
                + "},\"addHeaders\":{" + field("X-" + token(d.consumeString(10)), token(d.consumeString(10))) + "}}";
    }

    /**
     * A delay for an HTTP fault: a few milliseconds, or one the API must refuse; never a long valid
     * one, which would hold every request the harness sends through the proxy.
     */
    private static String delay(FuzzedDataProvider d) {
        return d.consumeBoolean()
                ? Integer.toString(d.consumeInt(0, 20))
                : d.pickValue(new String[] {
                    "-1", "3600001", "9223372036854", "18446744073709551616", "1e400", "\"12\"", "null", "[]"
                });
    }

    private static String name(FuzzedDataProvider d) {
        return d.consumeBoolean() ? d.pickValue(NAMES) : d.consumeString(24);
    }

    private static String number(FuzzedDataProvider d) {
        return d.consumeBoolean() ? d.pickValue(NUMBERS) : Long.toString(d.consumeLong());
    }

    /** A loopback host (or none) with a fuzzed port part. */
    private static String address(FuzzedDataProvider d) {
        String port = d.consumeBoolean()
                ? "0"
                : d.consumeBoolean() ? Integer.toString(d.consumeInt(-5, 70_000)) : d.consumeString(8);
        return d.pickValue(HOSTS) + (d.consumeBoolean() ? ":" : "") + port;
    }

    private static String field(String key, String value) {
        return "\"" + escape(key) + "\":\"" + escape(value) + "\"";
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** An HTTP token: what a request line can carry as a method. */
    private static String token(String s) {
        String t = s.replaceAll("[^A-Za-z0-9!#$&'*+.^_`|~-]", "");
        return t.isEmpty() ? "GET" : t;
    }

    /** A request target: '/' then the text, percent-encoded where a request line needs it. */
    private static String path(String s) {
        StringBuilder b = new StringBuilder("/");
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c > 0x20 && c < 0x7f && c != '%' && c != '#' && c != '"' && c != '<' && c != '>' && c != '\\'
                    && c != '^' && c != '`' && c != '{' && c != '|' && c != '}') {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }
}
