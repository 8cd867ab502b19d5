package dev.faultline.agent;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text both sides exchange: {@code key=value} pairs joined by {@code &}, each URL-encoded, e.g.
 * {@code cmd=add&id=f1&class=a.B&method=c&action=latency&latencyMs=200&share=1.0&reply=/tmp/r}.
 */
public final class Command {
    private Command() {}

    public static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return out;
    }

    /** Pairs of key and value, in order. */
    public static String format(String... keysAndValues) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(encode(keysAndValues[i])).append('=').append(encode(keysAndValues[i + 1]));
        }
        return b.toString();
    }

    private static String encode(String s) {
        try {
            return URLEncoder.encode(s, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
