package dev.faultline.app.fx;

import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.runbook.RunbookLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The runbooks that ship with Faultline (every folder of them, sandbox first), sorted into
 * experiments and GameDays, and the GameDay Home's first-GameDay button opens.
 */
record ShippedRunbooks(
        List<Path> experiments,
        List<Path> gameDays,
        @Nullable Path firstGameDay) {
    static final ShippedRunbooks NONE = new ShippedRunbooks(List.of(), List.of(), null);

    /** Reads and sorts them: off the FX thread, it parses each file. */
    static ShippedRunbooks discover(RunbookLoader loader) {
        List<Path> all = all();
        List<Path> gameDays = all.stream().filter(p -> isGameDay(loader, p)).toList();
        Path first = gameDays.stream()
                .filter(p -> p.getFileName().toString().equals("first-gameday.yaml"))
                .findFirst()
                .orElse(gameDays.isEmpty() ? null : gameDays.get(0));
        return new ShippedRunbooks(
                all.stream().filter(p -> !gameDays.contains(p)).toList(), gameDays, first);
    }

    private static boolean isGameDay(RunbookLoader loader, Path p) {
        try {
            return loader.kindOf(p).equals("GameDay");
        } catch (RunbookException e) {
            return false; // not YAML at all: the editor will say what is wrong when it is opened
        }
    }

    /** Where they are: {@code faultline.runbooks}, else {@code runbooks} in the working folder. */
    static Path dir() {
        return Path.of(System.getProperty("faultline.runbooks", "runbooks"));
    }

    /** Every shipped runbook file, sandbox first. */
    static List<Path> all() {
        Path dir = dir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir, 2)) {
            return s.filter(p ->
                            p.toString().endsWith(".yaml") && !p.getParent().equals(dir))
                    .sorted((a, b) -> {
                        boolean sa = a.getParent().getFileName().toString().equals("sandbox");
                        boolean sb = b.getParent().getFileName().toString().equals("sandbox");
                        return sa != sb ? (sa ? -1 : 1) : a.compareTo(b);
                    })
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
