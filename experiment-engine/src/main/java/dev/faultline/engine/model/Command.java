package dev.faultline.engine.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A process to run, as a command step or a command probe runs it: the program and its arguments
 * (no shell, unless the runbook gave one string, which runs as {@code sh -c}), the longest it may
 * run, the folder it runs in and the environment variables it gets on top of Faultline's own.
 *
 * <p>Run as Chaos Toolkit runs a {@code process} provider: exit code 0 is success, standard output is
 * the value.
 *
 * @param directory the working folder, or null for Faultline's own
 */
public record Command(
        List<String> argv, Duration timeout, @Nullable String directory, Map<String, String> env) {
    public Command {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        Objects.requireNonNull(timeout, "timeout");
        if (argv.isEmpty() || argv.getFirst().isBlank()) {
            throw new IllegalArgumentException("a command needs a program to run");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        Limits.atMost(timeout, Limits.SPAN_MAX, "timeout");
        if (directory != null && directory.isBlank()) {
            throw new IllegalArgumentException("dir cannot be empty");
        }
    }

    /** A command given as one line of shell: {@code sh -c LINE}. */
    public static Command shell(String line, Duration timeout) {
        return new Command(List.of("sh", "-c", line), timeout, null, Map.of());
    }

    /** The shell line when the command is {@code sh -c LINE}, as a runbook's {@code run: "..."}. */
    public @Nullable String shellLine() {
        return argv.size() == 3 && argv.get(0).equals("sh") && argv.get(1).equals("-c") ? argv.get(2) : null;
    }

    /** For people: the arguments, quoted where they hold spaces. */
    public String describe() {
        String line = shellLine();
        if (line != null) {
            return line;
        }
        return argv.stream()
                .map(a -> a.isEmpty() || a.matches(".*[\\s'\"].*") ? "'" + a.replace("'", "'\\''") + "'" : a)
                .collect(Collectors.joining(" "));
    }

    /**
     * The command as a probe's params: {@code argv.0}, {@code argv.1} ... (in order), {@code timeout},
     * {@code dir} and {@code env.NAME}.
     */
    public Map<String, String> toParams() {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < argv.size(); i++) {
            m.put("argv." + i, argv.get(i));
        }
        m.put("timeout", Durations.format(timeout));
        if (directory != null) {
            m.put("dir", directory);
        }
        env.forEach((k, v) -> m.put("env." + k, v));
        return m;
    }

    /** The inverse of {@link #toParams()}; refuses params without a program or a timeout. */
    public static Command fromParams(Params params) {
        List<String> argv = new ArrayList<>();
        for (int i = 0; params.has("argv." + i); i++) {
            argv.add(params.get("argv." + i).orElse(""));
        }
        Map<String, String> env = new TreeMap<>();
        params.values().forEach((k, v) -> {
            if (k.startsWith("env.")) {
                env.put(k.substring("env.".length()), v);
            }
        });
        Duration timeout = Durations.parse(params.require("timeout"), "timeout", Limits.SPAN_MAX);
        return new Command(argv, timeout, params.get("dir").orElse(null), env);
    }
}
