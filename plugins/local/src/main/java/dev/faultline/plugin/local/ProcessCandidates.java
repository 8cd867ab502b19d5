package dev.faultline.plugin.local;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.DiscoveredTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The processes a {@code process: {name: NAME}} target can hit, each under a word of its command line
 * that finds it alone ({@link Processes#matching}): the value of an {@code --option=value}, else a
 * plain word (a main class, a marker), else its program. Processes the guard refuses are left out.
 */
final class ProcessCandidates {
    /** Enough to pick from; more is noise in a picker. */
    static final int LIMIT = 200;

    private final TargetGuard guard;

    ProcessCandidates(TargetGuard guard) {
        this.guard = guard;
    }

    /** One scan of the machine's processes (this JVM and its ancestors excluded), sorted by name. */
    List<DiscoveredTarget> list() {
        Map<Long, List<String>> commandLines = new HashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        List<ProcessHandle> allowed = new ArrayList<>();
        Processes.others().forEach(p -> {
            List<String> args = Processes.arguments(p);
            commandLines.put(p.pid(), args);
            keys(args).forEach(k -> uses.merge(k, 1, Integer::sum));
            if (allowed(p)) {
                allowed.add(p);
            }
        });
        List<DiscoveredTarget> found = new ArrayList<>();
        for (ProcessHandle p : allowed) {
            List<String> args = commandLines.get(p.pid());
            if (args == null) {
                continue;
            }
            uniqueName(args, uses)
                    .ifPresent(name -> found.add(DiscoveredTarget.single(
                            new Target("process", Params.of("name", name)),
                            "pid " + p.pid() + " (" + program(args) + ")")));
        }
        return found.stream()
                .sorted(Comparator.comparing(d -> d.target().label()))
                .limit(LIMIT)
                .toList();
    }

    private boolean allowed(ProcessHandle p) {
        try {
            guard.check(p);
            return true;
        } catch (BackendException e) {
            return false; // another user's, a kernel thread, this JVM's family: not offered
        }
    }

    /** Every name {@link Processes#matching} finds this command line by: each argument and each tail after '='. */
    private static Set<String> keys(List<String> args) {
        Set<String> keys = new LinkedHashSet<>();
        for (String a : args) {
            keys.add(a);
            for (int i = a.indexOf('='); i >= 0; i = a.indexOf('=', i + 1)) {
                keys.add(a.substring(i + 1));
            }
        }
        return keys;
    }

    private static Optional<String> uniqueName(List<String> args, Map<String, Integer> uses) {
        List<String> ranked = new ArrayList<>();
        for (String a : args.subList(Math.min(1, args.size()), args.size())) {
            if (a.startsWith("--") && a.indexOf('=') > 2) {
                ranked.add(a.substring(a.lastIndexOf('=') + 1));
            }
        }
        for (String a : args.subList(Math.min(1, args.size()), args.size())) {
            if (!a.startsWith("-")) {
                ranked.add(a);
            }
        }
        if (!args.isEmpty()) {
            ranked.add(args.get(0));
        }
        return ranked.stream()
                .filter(ProcessCandidates::readable)
                .filter(n -> uses.getOrDefault(n, 0) == 1)
                .findFirst();
    }

    /** A word an author can read and type: short, one line, no spaces, not a path. */
    private static boolean readable(String name) {
        return !name.isBlank()
                && name.length() <= 80
                && name.chars().noneMatch(c -> Character.isWhitespace(c) || c == '/');
    }

    private static String program(List<String> args) {
        String first = args.isEmpty() ? "?" : args.get(0);
        return first.substring(first.lastIndexOf('/') + 1);
    }
}
