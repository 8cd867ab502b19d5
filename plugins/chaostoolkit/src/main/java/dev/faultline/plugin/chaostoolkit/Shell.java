package dev.faultline.plugin.chaostoolkit;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting arguments into one line of POSIX shell, for rollbacks (which run as {@code sh -c}). */
final class Shell {
    private Shell() {}

    static String quote(String arg) {
        if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    static String line(List<String> argv) {
        if (argv.size() == 3 && argv.get(0).equals("sh") && argv.get(1).equals("-c")) {
            return argv.get(2);
        }
        return argv.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }
}
