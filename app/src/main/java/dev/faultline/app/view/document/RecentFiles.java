package dev.faultline.app.view.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The files opened or saved last, newest first, at most {@link #MAX}; kept in the user's
 * preferences through {@code load} and {@code store}.
 */
public final class RecentFiles {
    public static final int MAX = 8;
    private final Supplier<List<String>> load;
    private final Consumer<List<String>> store;

    public RecentFiles(Supplier<List<String>> load, Consumer<List<String>> store) {
        this.load = load;
        this.store = store;
    }

    /** Puts {@code file} first (once). */
    public void add(Path file) {
        String f = file.toAbsolutePath().normalize().toString();
        List<String> list = new ArrayList<>(load.get());
        list.remove(f);
        list.addFirst(f);
        store.accept(List.copyOf(list.subList(0, Math.min(MAX, list.size()))));
    }

    public List<Path> files() {
        return load.get().stream().map(Path::of).toList();
    }

    /**
     * Drops the files that no longer exist.
     *
     * @return the ones dropped, for a message
     */
    public List<Path> dropMissing() {
        List<Path> missing =
                files().stream().filter(p -> !Files.isRegularFile(p)).toList();
        if (!missing.isEmpty()) {
            store.accept(files().stream()
                    .filter(p -> !missing.contains(p))
                    .map(Path::toString)
                    .toList());
        }
        return missing;
    }
}
