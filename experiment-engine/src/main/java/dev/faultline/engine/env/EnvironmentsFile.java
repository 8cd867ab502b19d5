package dev.faultline.engine.env;

import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Limits;
import dev.faultline.engine.model.OutOfRangeException;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.runbook.LocatedYaml;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.runbook.RunbookFiles;
import dev.faultline.engine.runbook.RunbookProblem;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.SecretRef;
import dev.faultline.engine.spi.SettingsException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the user's environments file ({@code $FAULTLINE_HOME/environments.yaml}). Every problem is
 * reported with its file, line and field; credentials must be references ({@link SecretRef}).
 * The built-in environments stay: {@code sandbox} cannot be redefined, {@code local} can.
 */
public final class EnvironmentsFile {
    static final Set<String> ENVIRONMENT_KEYS =
            Set.of("production", "kubernetes", "prometheus", "toxiproxy", "local", "backends");
    static final Map<String, Set<String>> SECTION_KEYS = Map.of(
            Environment.KUBERNETES,
            Set.of(
                    "context",
                    "kubeconfig",
                    "namespace",
                    "namespaces",
                    "token",
                    "requestTimeout",
                    "injectTimeout",
                    "deleteTimeout"),
            "prometheus",
            Set.of("url", "token", "username", "password", "timeout", "retries"),
            "toxiproxy",
            Set.of("url", "stream", "token", "timeout", "proxies"),
            "local",
            Set.of("proxyApi", "proxyApiToken", "stressor", "allowOtherUsers"));
    /**
     * The proxies a Toxiproxy server should have, as a configuration file or {@code /populate}
     * lists them ({@code faultline import} writes them): {@code proxies: redis,payments} and
     * {@code proxies.redis.listen}, {@code .upstream}, {@code .enabled} for each.
     */
    private static final Pattern PROXY_KEY = Pattern.compile("proxies\\.[A-Za-z0-9_.-]+\\.(listen|upstream|enabled)");

    private static final Set<String> URL_KEYS = Set.of("url", "proxyApi");
    private static final Set<String> DURATION_KEYS =
            Set.of("timeout", "requestTimeout", "injectTimeout", "deleteTimeout");

    private EnvironmentsFile() {}

    /** The built-in environments plus those of {@code file}; a missing file means only the built-ins. */
    public static Environments load(Path file) throws SettingsException {
        if (!Files.exists(file) && !Files.isSymbolicLink(file)) {
            return Environments.builtIn();
        }
        try {
            return parse(RunbookFiles.read(file, "settings file"), file.toString());
        } catch (RunbookException e) {
            throw new SettingsException(e.problems());
        }
    }

    /** The built-ins plus the environments in {@code text}, named {@code file} in messages. */
    public static Environments parse(String text, String file) throws SettingsException {
        LocatedYaml yaml;
        try {
            yaml = LocatedYaml.read(text, file);
        } catch (RunbookException e) {
            throw new SettingsException(e.problems());
        }
        List<RunbookProblem> problems = new ArrayList<>();
        Map<String, Environment> envs = new TreeMap<>();
        JsonNode root = yaml.root();
        if (!root.isObject()) {
            throw new SettingsException(List.of(yaml.at(
                    "", "the file holds environments: a mapping" + " 'environments:' with one entry per environment")));
        }
        for (String key : root.propertyNames()) {
            if (!key.equals("environments")) {
                problems.add(yaml.atKey(key, "unknown field '" + key + "'; the file has one field, environments"));
            }
        }
        JsonNode all = root.path("environments");
        if (!all.isMissingNode() && !all.isObject() && !all.isNull()) {
            problems.add(yaml.at("environments", "give one entry per environment, e.g. staging: {production: false}"));
        } else if (all.isObject()) {
            for (String name : all.propertyNames()) {
                String path = LocatedYaml.child("environments", name);
                Environment env = environment(yaml, name, all.get(name), path, problems);
                if (env != null) {
                    envs.put(name, env);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        return Environments.builtIn().with(envs.values());
    }

    private static @org.jspecify.annotations.Nullable Environment environment(
            LocatedYaml yaml, String name, JsonNode n, String path, List<RunbookProblem> problems) {
        int before = problems.size();
        if (!name.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
            problems.add(yaml.atKey(path, "an environment's name is lower-case letters, digits and dashes"));
        }
        if (name.equals(Environments.SANDBOX)) {
            problems.add(yaml.atKey(
                    path,
                    "'sandbox' is built in (the practice shop Faultline starts itself)"
                            + " and cannot be redefined; pick another name"));
        }
        if (!n.isObject()) {
            problems.add(yaml.at(path, "give the environment's settings as a mapping, e.g. production: true"));
            return null;
        }
        boolean production = false;
        Map<String, BackendSettings> backends = new LinkedHashMap<>();
        for (String key : n.propertyNames()) {
            String kp = LocatedYaml.child(path, key);
            JsonNode v = n.get(key);
            if (!ENVIRONMENT_KEYS.contains(key)) {
                problems.add(yaml.atKey(kp, unknown(key, ENVIRONMENT_KEYS)));
            } else if (key.equals("production")) {
                if (!v.isBoolean()) {
                    problems.add(yaml.at(kp, "production is true or false, not '" + v.asString() + "'"));
                }
                production = v.asBoolean(false);
            } else if (key.equals("backends")) {
                if (!v.isObject()) {
                    problems.add(yaml.at(
                            kp, "give one mapping of settings per backend id, e.g. chaos-mesh: {namespace: shop}"));
                    continue;
                }
                for (String id : v.propertyNames()) {
                    String ip = LocatedYaml.child(kp, id);
                    if (SECTION_KEYS.containsKey(id)) {
                        problems.add(
                                yaml.atKey(ip, "give the " + id + " settings in the environment's " + id + " section"));
                        continue;
                    }
                    Params p = section(yaml, v.get(id), ip, null, problems);
                    if (p != null) {
                        backends.put(id, new BackendSettings(id, p));
                    }
                }
            } else {
                Params p = section(yaml, v, kp, SECTION_KEYS.get(key), problems);
                if (p != null) {
                    if ((key.equals("prometheus") || key.equals("toxiproxy")) && !p.has("url")) {
                        problems.add(yaml.at(
                                kp,
                                "the " + key + " section needs its url, e.g. url: "
                                        + (key.equals("prometheus")
                                                ? "http://127.0.0.1:9090"
                                                : "http://127.0.0.1:8474")));
                    }
                    backends.put(key, new BackendSettings(key, p));
                }
            }
        }
        return problems.size() == before ? new Environment(name, production, false, backends) : null;
    }

    /** A section's settings as text; {@code known} null means any key (a backend of its own). */
    private static @org.jspecify.annotations.Nullable Params section(
            LocatedYaml yaml,
            JsonNode n,
            String path,
            @org.jspecify.annotations.Nullable Set<String> known,
            List<RunbookProblem> problems) {
        if (!n.isObject()) {
            problems.add(yaml.at(path, "give the settings as a mapping of names to values"));
            return null;
        }
        int before = problems.size();
        Map<String, String> values = new TreeMap<>();
        for (String key : n.propertyNames()) {
            String kp = LocatedYaml.child(path, key);
            JsonNode v = n.get(key);
            if (known != null && !known.contains(key) && !isProxyKey(known, key)) {
                problems.add(yaml.atKey(kp, unknown(key, known)));
                continue;
            }
            String text = scalarOrList(v);
            if (text == null) {
                problems.add(yaml.at(kp, "give a single value or a list of values"));
                continue;
            }
            String problem = check(key, text);
            if (problem != null) {
                problems.add(yaml.at(kp, problem));
                continue;
            }
            values.put(key, key.equals("kubeconfig") ? expandHome(text) : text);
        }
        return problems.size() == before ? new Params(values) : null;
    }

    private static @org.jspecify.annotations.Nullable String scalarOrList(JsonNode v) {
        if (v.isValueNode() && !v.isNull()) {
            return v.asString();
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode i : v) {
                if (!i.isValueNode() || i.isNull()) {
                    return null;
                }
                items.add(i.asString().strip());
            }
            return String.join(",", items);
        }
        return null;
    }

    private static @org.jspecify.annotations.Nullable String check(String key, String value) {
        if (SecretRef.isCredentialKey(key)) {
            String p = SecretRef.problem(value);
            return p == null ? null : key + ": " + p;
        }
        if (URL_KEYS.contains(key)) {
            try {
                URI u = URI.create(value);
                if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                    return "'" + value + "' is not an http(s) URL, e.g. http://127.0.0.1:9090";
                }
                if (u.getUserInfo() != null) {
                    return "put no credentials in a URL; give them as token: env:VARIABLE";
                }
            } catch (IllegalArgumentException e) {
                return "'" + value + "' is not an http(s) URL, e.g. http://127.0.0.1:9090";
            }
        }
        if (DURATION_KEYS.contains(key)) {
            try {
                Durations.parse(value, key, Limits.SPAN_MAX);
            } catch (OutOfRangeException e) {
                return e.getMessage();
            } catch (IllegalArgumentException e) {
                return "'" + value + "' is not a duration, e.g. 5s or 500ms";
            }
        }
        if (key.equals("allowOtherUsers") && !value.equals("true") && !value.equals("false")) {
            return "'" + value + "' is not true or false";
        }
        if (key.equals("retries") && !value.matches("[0-9]")) {
            return "retries is a whole number from 0 to 9";
        }
        if (key.equals("stream") && !value.equals("upstream") && !value.equals("downstream")) {
            return "stream is upstream (client to server) or downstream (server to client), not '" + value + "'";
        }
        return null;
    }

    private static boolean isProxyKey(Set<String> known, String key) {
        return known == SECTION_KEYS.get("toxiproxy") && PROXY_KEY.matcher(key).matches();
    }

    private static String unknown(String key, Set<String> known) {
        return "unknown field '" + key + "'"
                + LocatedYaml.closest(key, known)
                        .map(k -> "; did you mean '" + k + "'?")
                        .orElse(" (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
    }

    private static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }
}
