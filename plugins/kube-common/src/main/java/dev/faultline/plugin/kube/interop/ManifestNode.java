package dev.faultline.plugin.kube.interop;

import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.ImportException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One node of a manifest, knowing where it is: its field path ({@code spec.selector.labelSelectors})
 * and its line, so that a problem says {@code chaos.yaml:12: spec.delay.latency: ...}.
 */
public final class ManifestNode {
    private final Node node;
    private final String path;
    private final Source source;

    /** The file and format a problem is reported against. */
    private record Source(String format, Path file) {}

    private ManifestNode(Node node, String path, Source source) {
        this.node = node;
        this.path = path;
        this.source = source;
    }

    /**
     * The documents of a YAML file, empty ones left out; each document's paths start at its root
     * ({@code spec.mode}), prefixed by the document's number when the file has several.
     *
     * @throws ImportException when the text is not YAML, at the line where it goes wrong
     */
    public static List<ManifestNode> documents(ForeignFile file, String format) throws ImportException {
        Source source = new Source(format, file.path());
        List<Node> roots = new ArrayList<>();
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setAllowDuplicateKeys(false)
                    .setLabel(file.path().toString())
                    .build();
            for (Node n : new Compose(settings).composeAllFromString(file.text())) {
                if (n != null && !(n instanceof ScalarNode s && s.getValue().isEmpty())) {
                    roots.add(n);
                }
            }
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw new ImportException(format, file.path(), line, null, "it is not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new ImportException(format, file.path(), 0, null, "it is not valid YAML: " + e.getMessage());
        }
        List<ManifestNode> out = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            out.add(new ManifestNode(roots.get(i), roots.size() == 1 ? "" : "document[" + (i + 1) + "]", source));
        }
        return out;
    }

    /** Whether the text looks like a YAML manifest of {@code apiVersion} group (cheap, never throws). */
    public static boolean mentions(String text, String apiGroup, String kind) {
        return text.contains(apiGroup) && text.matches("(?s).*\\bkind:\\s*[\"']?" + kind + "\\b.*");
    }

    public String path() {
        return path;
    }

    /** The field path within its document, for notes that name the resource already: {@code spec.delay}. */
    public String field() {
        return path.replaceFirst("^document\\[\\d+\\]\\.?", "");
    }

    /** The node's 1-based line, 0 when unknown. */
    public int line() {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** A problem here: {@code file:line: path: looks like FORMAT but PROBLEM}. */
    public ImportException problem(String problem) {
        return new ImportException(source.format(), source.file(), line(), path.isEmpty() ? null : path, problem);
    }

    /** The field {@code key} of this mapping, if it has one (a null value counts as absent). */
    public Optional<ManifestNode> get(String key) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    Node v = t.getValueNode();
                    if (v instanceof ScalarNode s && isNull(s)) {
                        return Optional.empty();
                    }
                    return Optional.of(new ManifestNode(v, child(key), source));
                }
            }
        }
        return Optional.empty();
    }

    public boolean has(String key) {
        return get(key).isPresent();
    }

    /** The field {@code key}, which must be there. */
    public ManifestNode require(String key) throws ImportException {
        Optional<ManifestNode> v = get(key);
        if (v.isEmpty()) {
            throw problem("it has no '" + key + "'");
        }
        return v.get();
    }

    /** This scalar's text. */
    public String text() throws ImportException {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw problem("give a single value here");
    }

    /** The scalar field {@code key}, or {@code fallback} when it is absent. */
    public String text(String key, String fallback) throws ImportException {
        Optional<ManifestNode> v = get(key);
        return v.isEmpty() ? fallback : v.get().text();
    }

    /** The scalar field {@code key}, or empty when it is absent. */
    public Optional<String> optText(String key) throws ImportException {
        Optional<ManifestNode> v = get(key);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get().text());
    }

    /** The whole-number field {@code key}, or {@code fallback} when it is absent. */
    public long number(String key, long fallback) throws ImportException {
        Optional<ManifestNode> v = get(key);
        if (v.isEmpty()) {
            return fallback;
        }
        String t = v.get().text().strip();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw v.get().problem("'" + t + "' is not a whole number");
        }
    }

    /** The boolean field {@code key}, or {@code fallback} when it is absent. */
    public boolean flag(String key, boolean fallback) throws ImportException {
        Optional<ManifestNode> v = get(key);
        if (v.isEmpty()) {
            return fallback;
        }
        String t = v.get().text().strip();
        return switch (t) {
            case "true", "True", "TRUE" -> true;
            case "false", "False", "FALSE" -> false;
            default -> throw v.get().problem("'" + t + "' is not true or false");
        };
    }

    /** A sequence's items (a single scalar counts as one item); a mapping or absent value has none. */
    public List<ManifestNode> items() throws ImportException {
        if (node instanceof SequenceNode s) {
            List<ManifestNode> out = new ArrayList<>();
            List<Node> value = s.getValue();
            for (int i = 0; i < value.size(); i++) {
                out.add(new ManifestNode(value.get(i), path + "[" + i + "]", source));
            }
            return out;
        }
        if (node instanceof ScalarNode) {
            return List.of(this);
        }
        throw problem("give a list here");
    }

    /** The items of the list field {@code key}, none when it is absent. */
    public List<ManifestNode> items(String key) throws ImportException {
        Optional<ManifestNode> v = get(key);
        return v.isEmpty() ? List.of() : v.get().items();
    }

    /** The texts of the list field {@code key}, none when it is absent. */
    public List<String> texts(String key) throws ImportException {
        List<String> out = new ArrayList<>();
        for (ManifestNode n : items(key)) {
            out.add(n.text());
        }
        return out;
    }

    /** A mapping's keys, in order; none for other nodes. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    out.add(k.getValue());
                }
            }
        }
        return out;
    }

    /** The mapping field {@code key} as text to text, in order; empty when it is absent. */
    public Map<String, String> textMap(String key) throws ImportException {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<ManifestNode> v = get(key);
        if (v.isEmpty()) {
            return out;
        }
        if (!v.get().isMap()) {
            throw v.get().problem("give a mapping here, e.g. {app: payment}");
        }
        for (String k : v.get().keys()) {
            out.put(k, v.get().require(k).text());
        }
        return out;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static boolean isNull(ScalarNode s) {
        String v = s.getValue();
        return s.getTag().getValue().endsWith(":null") || ((v.equals("~") || v.equals("null")) && s.isPlain());
    }

    /** The document's {@code kind}, or empty. */
    public String kind() {
        try {
            return text("kind", "");
        } catch (ImportException e) {
            return "";
        }
    }

    /** The document's {@code metadata.name}, or {@code fallback}. */
    public String name(String fallback) {
        try {
            @Nullable ManifestNode meta = get("metadata").orElse(null);
            return meta == null ? fallback : meta.text("name", fallback);
        } catch (ImportException e) {
            return fallback;
        }
    }
}
