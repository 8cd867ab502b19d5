package dev.faultline.engine.runbook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The runbook loader's located YAML for other files (the environments settings file): a tree
 * whose every key and value knows its line and column, so that a check can say
 * {@code environments.yaml:7:5: environments.staging.prometheus.url: ...}.
 */
public final class LocatedYaml {
    private final LocatedTree tree;
    private final String file;

    private LocatedYaml(LocatedTree tree, String file) {
        this.tree = tree;
        this.file = file;
    }

    /** Reads YAML; malformed text, duplicate keys or several documents throw with their places. */
    public static LocatedYaml read(String text, String file) throws RunbookException {
        List<RunbookProblem> problems = new ArrayList<>();
        LocatedTree t = new YamlReader().read(text, file, problems);
        if (t == null) {
            throw new RunbookException(problems);
        }
        return new LocatedYaml(t, file);
    }

    public JsonNode root() {
        return tree.root();
    }

    public String file() {
        return file;
    }

    /** A problem at the value of {@code path} ({@code environments.staging.production}). */
    public RunbookProblem at(String path, String message) {
        SourceMark m = tree.markOf(path);
        return new RunbookProblem(file, m.line(), m.column(), path, message);
    }

    /** A problem at the key of {@code path}, for unknown fields. */
    public RunbookProblem atKey(String path, String message) {
        SourceMark m = tree.keyMarkOf(path);
        return new RunbookProblem(file, m.line(), m.column(), path, message);
    }

    public static String child(String path, String key) {
        return LocatedTree.child(path, key);
    }

    public static String index(String path, int i) {
        return LocatedTree.index(path, i);
    }

    /** The closest of {@code known} to a misspelt {@code name}, when it is close enough. */
    public static Optional<String> closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = Levenshtein.distance(name.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 3) ? Optional.of(best) : Optional.empty();
    }
}
