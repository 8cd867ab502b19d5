package dev.faultline.plugin.local;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.BackendException;
import dev.faultline.engine.spi.DiscoveredTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JVMs a {@code jvm: {name: NAME}} target can hit: the machine's JVMs ({@link Processes#isJvm})
 * the agent may attach to ({@link TargetGuard#checkJvm}: Faultline's own user's, not this JVM or its
 * ancestors), each under the name that finds it alone as {@link Processes#matchingJvm} reads it: its
 * main class's simple name or its jar, else the value of an {@code --option=value}, else one of its
 * program's words.
 */
final class JvmCandidates {
    /** Options of the {@code java} launcher whose value is the next argument. */
    private static final Set<String> WITH_VALUE = Set.of(
            "-cp",
            "-classpath",
            "--class-path",
            "-p",
            "--module-path",
            "--upgrade-module-path",
            "--add-modules",
            "--add-opens",
            "--add-exports",
            "--add-reads",
            "--enable-native-access",
            "--limit-modules",
            "--patch-module");

    private final TargetGuard guard;

    JvmCandidates(TargetGuard guard) {
        this.guard = guard;
    }

    /** One scan of the machine's processes, sorted by name. */
    List<DiscoveredTarget> list() {
        Map<ProcessHandle, List<String>> jvms = Processes.others()
                .filter(Processes::isJvm)
                .collect(Collectors.toMap(p -> p, Processes::arguments, (a, b) -> a));
        List<DiscoveredTarget> found = new ArrayList<>();
        jvms.forEach((p, args) -> {
            if (allowed(p)) {
                uniqueName(args, jvms.values())
                        .ifPresent(name -> found.add(DiscoveredTarget.single(
                                new Target("jvm", Params.of("name", name)),
                                "JVM pid " + p.pid() + " (" + main(args).orElse("java") + ")")));
            }
        });
        return found.stream()
                .sorted(Comparator.comparing(d -> d.target().label()))
                .limit(ProcessCandidates.LIMIT)
                .toList();
    }

    private boolean allowed(ProcessHandle p) {
        try {
            guard.checkJvm(p);
            return true;
        } catch (BackendException e) {
            return false; // another user's, this JVM's family: the agent does not go there
        }
    }

    /** The first of its names that no other JVM's command line matches, as an author can type it. */
    private static Optional<String> uniqueName(List<String> args, java.util.Collection<List<String>> all) {
        List<String> ranked = new ArrayList<>();
        main(args).ifPresent(ranked::add);
        for (String a : args.subList(Math.min(1, args.size()), args.size())) {
            if (a.startsWith("--") && a.indexOf('=') > 2) {
                ranked.add(a.substring(a.lastIndexOf('=') + 1));
            }
        }
        int start = mainIndex(args).map(i -> i + 1).orElse(args.size());
        for (String a : args.subList(Math.min(start, args.size()), args.size())) {
            if (!a.startsWith("-")) {
                ranked.add(a); // the program's own words (a marker, a service name)
            }
        }
        return ranked.stream()
                .filter(JvmCandidates::readable)
                .filter(n -> all.stream().filter(other -> matches(other, n)).count() == 1)
                .findFirst();
    }

    /** As {@link Processes#matchingJvm}: an argument is the name, or ends in {@code =NAME}, {@code /NAME} or {@code .NAME}. */
    private static boolean matches(List<String> args, String name) {
        return args.stream()
                .anyMatch(a ->
                        a.equals(name) || a.endsWith("=" + name) || a.endsWith("/" + name) || a.endsWith("." + name));
    }

    /** The main class's simple name ("Main" for dev.shop.Main), or the jar's file name. */
    static Optional<String> main(List<String> args) {
        return mainIndex(args).map(i -> {
            String m = args.get(i);
            boolean jar = i > 0 && args.get(i - 1).equals("-jar");
            return jar ? m.substring(m.lastIndexOf('/') + 1) : m.substring(m.lastIndexOf('.') + 1);
        });
    }

    /** Where the main class (or {@code -jar}'s jar, or {@code -m}'s module) is in the launcher's arguments. */
    private static Optional<Integer> mainIndex(List<String> args) {
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-jar") || a.equals("-m") || a.equals("--module")) {
                return i + 1 < args.size() ? Optional.of(i + 1) : Optional.empty();
            }
            if (WITH_VALUE.contains(a)) {
                i++; // its value is the next argument
            } else if (!a.startsWith("-")) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** A word an author can read and type: short, one line, no spaces, not a path. */
    private static boolean readable(String name) {
        return !name.isBlank()
                && name.length() <= 80
                && name.chars().noneMatch(c -> Character.isWhitespace(c) || c == '/');
    }
}
