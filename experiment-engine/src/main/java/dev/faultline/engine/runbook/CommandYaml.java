package dev.faultline.engine.runbook;

import dev.faultline.engine.model.Command;
import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Limits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Command} in a runbook, for a command step and a command probe alike:
 * {@code run} (a list: the program and its arguments; one string: a line of shell, run as
 * {@code sh -c}), {@code timeout}, {@code dir}, {@code env}.
 */
final class CommandYaml {
    static final Set<String> KEYS = Set.of("run", "timeout", "dir", "env");

    private CommandYaml() {}

    /** The command at {@code path}, or null with each problem at its field. */
    static @Nullable Command read(@Nullable JsonNode n, String path, Problems problems, Set<String> extraKeys) {
        if (n == null || !n.isObject()) {
            problems.at(
                    path,
                    "needs run and timeout, e.g. {run: [curl, -fsS, http://127.0.0.1:8080/health], timeout: 10s}");
            return null;
        }
        for (String k : n.propertyNames()) {
            if (!KEYS.contains(k) && !extraKeys.contains(k)) {
                List<String> known = new ArrayList<>(KEYS);
                known.addAll(extraKeys);
                known.sort(null);
                problems.at(
                        LocatedTree.child(path, k), "is not a command setting; it takes " + String.join(", ", known));
            }
        }
        List<String> argv = argv(n.get("run"), LocatedTree.child(path, "run"), problems);
        Duration timeout = problems.duration(n, path, "timeout", null, Limits.SPAN_MAX);
        String dir = n.has("dir") ? n.get("dir").asString() : null;
        Map<String, String> env = new TreeMap<>();
        JsonNode e = n.get("env");
        if (e != null && !e.isNull()) {
            if (!e.isObject()) {
                problems.at(LocatedTree.child(path, "env"), "must be a mapping of names to values, e.g. {LANG: C}");
            } else {
                for (String k : e.propertyNames()) {
                    JsonNode v = e.get(k);
                    if (v.isContainer()) {
                        problems.at(
                                LocatedTree.child(LocatedTree.child(path, "env"), k),
                                "must be a text, not a list or mapping");
                    } else {
                        env.put(k, v.asString());
                    }
                }
            }
        }
        if (argv == null || timeout == null) {
            return null;
        }
        return problems.build(path, () -> new Command(argv, timeout, dir, env));
    }

    private static @Nullable List<String> argv(@Nullable JsonNode run, String path, Problems problems) {
        if (run == null || run.isNull()) {
            problems.at(
                    path,
                    "is required: the program and its arguments, e.g. [curl, -fsS, http://127.0.0.1:8080/health]");
            return null;
        }
        if (run.isArray()) {
            List<String> argv = new ArrayList<>();
            for (int i = 0; i < run.size(); i++) {
                JsonNode a = run.get(i);
                if (a.isContainer() || a.isNull()) {
                    problems.at(path + "[" + i + "]", "must be a text, not a list, mapping or null");
                    return null;
                }
                argv.add(a.asString());
            }
            if (argv.isEmpty() || argv.getFirst().isBlank()) {
                problems.at(path, "needs a program to run as its first item");
                return null;
            }
            return argv;
        }
        if (run.isContainer() || run.asString().isBlank()) {
            problems.at(path, "must be a list (program and arguments) or one line of shell");
            return null;
        }
        return List.of("sh", "-c", run.asString());
    }

    static void write(ObjectNode n, Command c) {
        String line = c.shellLine();
        if (line != null) {
            n.put("run", line);
        } else {
            ArrayNode run = n.putArray("run");
            c.argv().forEach(run::add);
        }
        n.put("timeout", Durations.format(c.timeout()));
        if (c.directory() != null) {
            n.put("dir", c.directory());
        }
        if (!c.env().isEmpty()) {
            ObjectNode env = n.putObject("env");
            new TreeMap<>(c.env()).forEach(env::put);
        }
    }
}
