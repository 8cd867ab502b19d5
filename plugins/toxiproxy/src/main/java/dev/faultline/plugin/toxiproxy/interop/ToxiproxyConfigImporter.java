package dev.faultline.plugin.toxiproxy.interop;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.engine.spi.interop.Imported;
import dev.faultline.engine.spi.interop.ImportedEnvironment;
import dev.faultline.engine.spi.interop.RunbookImporter;
import dev.faultline.plugin.toxiproxy.protocol.Proxy;
import dev.faultline.plugin.toxiproxy.protocol.ToxiproxyJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Toxiproxy proxy list, as {@code toxiproxy-server -config FILE} loads it and
 * {@code POST /populate} takes it (a JSON array of {@code name}, {@code listen}, {@code upstream},
 * {@code enabled}), or as {@code /populate} answers it ({@code {"proxies": [...]}}), into an
 * environment named after the file whose {@code toxiproxy} settings list the proxies:
 * {@code proxies: redis,payments}, {@code proxies.redis.listen}, {@code proxies.redis.upstream},
 * {@code proxies.redis.enabled}. Fault steps name the proxies as targets ({@code proxy: redis}).
 */
public final class ToxiproxyConfigImporter implements RunbookImporter {
    /** The format's id. */
    public static final String FORMAT = "toxiproxy";

    static final String NAME = "a Toxiproxy configuration";
    /** Where a Toxiproxy server answers by default; a config file does not say. */
    static final String DEFAULT_URL = "http://127.0.0.1:8474";

    @Override
    public String format() {
        return FORMAT;
    }

    private static final Pattern UPSTREAM_KEY = Pattern.compile("\"upstream\"\\s*:");

    @Override
    public Optional<String> recognise(ForeignFile file) {
        String t = file.text().strip();
        if (!(t.startsWith("[") || t.startsWith("{"))) {
            return Optional.empty();
        }
        try {
            JsonNode list = proxies(ToxiproxyJson.mapper().readTree(t));
            if (list == null || !list.isArray() || list.isEmpty()) {
                return Optional.empty();
            }
            JsonNode first = list.get(0);
            // a proxy: its upstream, or (when the upstream is what is missing) its name and listen address
            return first.has("upstream") || (first.has("name") && first.has("listen"))
                    ? Optional.of("a Toxiproxy configuration (" + list.size() + " proxies)")
                    : Optional.empty();
        } catch (JacksonException e) {
            // broken JSON with a proxy's upstream key: say where it breaks rather than that the format is unknown
            return UPSTREAM_KEY.matcher(t).find() ? Optional.of("a Toxiproxy configuration") : Optional.empty();
        }
    }

    @Override
    public Imported read(ForeignFile file) throws ImportException {
        JsonNode root;
        try {
            root = ToxiproxyJson.mapper().readTree(file.text());
        } catch (JacksonException e) {
            throw new ImportException(
                    NAME,
                    file.path(),
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    null,
                    "it is not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode list = proxies(root);
        if (list == null || !list.isArray()) {
            throw new ImportException(
                    NAME,
                    file.path(),
                    1,
                    null,
                    "it is not a JSON array of proxies (name, listen," + " upstream, enabled)");
        }
        List<Integer> lines = lines(file.text());
        Map<String, String> settings = new TreeMap<>();
        List<String> names = new ArrayList<>();
        List<ConversionNote> notes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            int line = i < lines.size() ? lines.get(i) : 0;
            String at = "[" + i + "]";
            if (!n.isObject()) {
                throw new ImportException(
                        NAME, file.path(), line, at, "a proxy is an object of name, listen," + " upstream and enabled");
            }
            Proxy p = ToxiproxyJson.proxy(n);
            for (String field : List.of("name", "upstream")) {
                if (n.path(field).asString("").isBlank()) {
                    throw new ImportException(
                            NAME,
                            file.path(),
                            line,
                            at + "." + field,
                            "the proxy has no " + field + " (Toxiproxy refuses it: missing required field: " + field
                                    + ")");
                }
            }
            if (!p.name().matches("[A-Za-z0-9_.-]+")) {
                throw new ImportException(
                        NAME,
                        file.path(),
                        line,
                        at + ".name",
                        "'" + p.name() + "' cannot name a"
                                + " proxy in Faultline's settings: use letters, digits, '.', '_' and '-'");
            }
            if (names.contains(p.name())) {
                throw new ImportException(
                        NAME, file.path(), line, at + ".name", "another proxy is already named '" + p.name() + "'");
            }
            names.add(p.name());
            String key = "proxies." + p.name() + ".";
            settings.put(key + "listen", p.listen().isEmpty() ? "127.0.0.1:0" : p.listen());
            settings.put(key + "upstream", p.upstream());
            settings.put(key + "enabled", Boolean.toString(p.enabled()));
            if (p.listen().isEmpty()) {
                notes.add(new ConversionNote(
                        "proxy " + p.name(),
                        "no listen address: written as 127.0.0.1:0 (the" + " server picks a free port)"));
            }
            if (!p.toxics().isEmpty()) {
                notes.add(new ConversionNote(
                        "proxy " + p.name() + " toxics",
                        "left out: " + p.toxics().size() + " toxic(s) active when the list was taken; make them fault"
                                + " steps of an experiment (target proxy: " + p.name() + ")"));
            }
        }
        if (names.isEmpty()) {
            throw new ImportException(NAME, file.path(), 1, null, "it lists no proxies");
        }
        settings.put("proxies", String.join(",", names));
        settings.put("url", DEFAULT_URL);
        notes.add(new ConversionNote(
                "toxiproxy server",
                "its API address is not in the file: url " + DEFAULT_URL + " (Toxiproxy's default);"
                        + " change it where the server listens"));
        String env = environmentName(file.path());
        return new Imported(
                List.of(),
                List.of(new ImportedEnvironment(env, List.of(new BackendSettings(FORMAT, new Params(settings))))),
                List.of(),
                notes);
    }

    /** The array itself, or the {@code proxies} of a {@code /populate} answer. */
    private static JsonNode proxies(JsonNode root) {
        return root.isObject() && root.has("proxies") ? root.get("proxies") : root;
    }

    /** The line each top-level array item starts on. */
    private static List<Integer> lines(String text) {
        List<Integer> out = new ArrayList<>();
        try (JsonParser p = ToxiproxyJson.mapper().createParser(text)) {
            int depth = 0;
            boolean wrapped = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    if (depth == 0 && t == JsonToken.START_OBJECT) {
                        wrapped = true;
                    }
                    if (depth == (wrapped ? 2 : 1)) {
                        out.add(p.currentTokenLocation().getLineNr());
                    }
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                }
            }
        } catch (JacksonException e) {
            // the tree was read already: lines are a help, not a need
        }
        return out;
    }

    /** {@code toxiproxy.json} names environment {@code toxiproxy}. */
    static String environmentName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        n = (dot > 0 ? n.substring(0, dot) : n).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        n = n.replaceAll("^-+|-+$", "");
        return n.isEmpty() || n.equals("sandbox") ? "toxiproxy" : n;
    }
}
