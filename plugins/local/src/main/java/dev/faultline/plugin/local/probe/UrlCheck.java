package dev.faultline.plugin.local.probe;

import java.net.URI;
import java.util.List;

/** A probe URL must be absolute http(s). */
final class UrlCheck {
    private UrlCheck() {}

    static void check(String url, List<String> problems) {
        try {
            URI u = URI.create(url);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                problems.add("url '" + url + "' is not an http:// or https:// address");
            }
        } catch (IllegalArgumentException e) {
            problems.add("url '" + url + "' is not a valid address");
        }
    }
}
