package dev.faultline.engine.store;

import dev.faultline.engine.spi.SecretRef;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a team's shared store is: a PostgreSQL JDBC URL, the login, and the password as a
 * {@link SecretRef} ({@code env:VARIABLE} or {@code file:/path}: the password itself is never kept).
 * TLS with the server's certificate and host name checked ({@code sslmode=verify-full}) is the
 * default for every host but this machine's loopback; a URL that names its own {@code sslmode} keeps
 * it.
 */
public record SharedStoreSettings(String url, String user, SecretRef password) {
    private static final String PREFIX = "jdbc:postgresql://";

    public SharedStoreSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        String problem = urlProblem(url);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("the shared store's user is empty: give the PostgreSQL login to use");
        }
        if (password.fromKubeconfig()) {
            throw new IllegalArgumentException(
                    "the shared store's password is a reference to an environment variable (env:NAME) or a file"
                            + " (file:/path)");
        }
    }

    /** What is wrong with {@code url} as a shared store's address, or null. */
    public static @org.jspecify.annotations.Nullable String urlProblem(String url) {
        if (!url.startsWith(PREFIX)) {
            return "the shared store's URL must start with " + PREFIX + " (e.g. " + PREFIX
                    + "db.example.com:5432/faultline), not '" + url + "'";
        }
        URI u;
        try {
            u = new URI(url.substring(5));
        } catch (URISyntaxException e) {
            return "the shared store's URL " + url + " is not a URL: " + e.getReason();
        }
        if (u.getHost() == null || u.getHost().isBlank()) {
            return "the shared store's URL " + url + " names no host";
        }
        String path = u.getPath();
        if (path == null || path.length() < 2) {
            return "the shared store's URL " + url + " names no database (…/" + "faultline at the end)";
        }
        if (query(u).keySet().stream().anyMatch(k -> k.equalsIgnoreCase("password"))) {
            return "the shared store's URL holds a password: remove it, and give the password as a reference"
                    + " (env:NAME or file:/path)";
        }
        return null;
    }

    public String host() {
        return uri().getHost();
    }

    public int port() {
        int p = uri().getPort();
        return p < 0 ? 5432 : p;
    }

    public String database() {
        return uri().getPath().substring(1);
    }

    /** Whether the server is on this machine's loopback (TLS is then not required by default). */
    public boolean loopback() {
        String h = host();
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false; // a name: not looked up (that may take seconds), so not loopback
        }
        try {
            return InetAddress.getByName(h.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The {@code sslmode} used: the URL's own, else verify-full off the loopback (and the driver's default on it). */
    public String sslMode() {
        String own = query(uri()).get("sslmode");
        if (own != null) {
            return own.toLowerCase(Locale.ROOT);
        }
        return loopback() ? "prefer" : "verify-full";
    }

    /** Whether the certificate and host name are checked. */
    public boolean verifiesServer() {
        return sslMode().equals("verify-full");
    }

    /**
     * The URL the driver is given: the configured one, with {@code sslmode=verify-full} added for a
     * host that is not the loopback, a connect timeout (10 s) and the application's name, each only
     * when the URL does not set it already.
     */
    public String driverUrl() {
        Map<String, String> q = query(uri());
        StringBuilder extra = new StringBuilder();
        if (!q.containsKey("sslmode") && !loopback()) {
            extra.append("sslmode=verify-full&");
        }
        if (!q.containsKey("connectTimeout")) {
            extra.append("connectTimeout=10&");
        }
        if (!q.containsKey("ApplicationName")) {
            extra.append("ApplicationName=faultline&");
        }
        if (extra.isEmpty()) {
            return url;
        }
        extra.setLength(extra.length() - 1);
        return url + (url.contains("?") ? "&" : "?") + extra;
    }

    /** Host, port and database, for messages. */
    public String describe() {
        return "the shared store " + host() + ":" + port() + "/" + database();
    }

    private URI uri() {
        try {
            return new URI(url.substring(5));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e); // checked by the constructor
        }
    }

    private static Map<String, String> query(URI u) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = u.getRawQuery();
        if (q == null || q.isEmpty()) {
            return out;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            out.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return out;
    }
}
