package dev.faultline.app.view.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's own preferences (theme, text size, your name, recent files, last folder used), in {@code app.properties} in the data
 * folder. Never holds a secret: those live in the environments file as references.
 */
public final class AppPreferences implements dev.faultline.app.view.document.DocumentPreferences {
    private static final Logger log = LoggerFactory.getLogger(AppPreferences.class);
    private final Path file;
    private final Properties values = new Properties();

    public AppPreferences(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                log.warn("could not read the app preferences {}; using defaults", file, e);
            }
        }
    }

    public boolean darkTheme() {
        return "dark".equals(values.getProperty("theme"));
    }

    public void setDarkTheme(boolean dark) {
        values.setProperty("theme", dark ? "dark" : "light");
        save();
    }

    /** The base text size in pixels, 11 to 24; the system's default of 14 when unset. */
    public int textSize() {
        try {
            return Math.max(11, Math.min(24, Integer.parseInt(values.getProperty("textSize", "14"))));
        } catch (NumberFormatException e) {
            return 14;
        }
    }

    public void setTextSize(int px) {
        values.setProperty("textSize", Integer.toString(px));
        save();
    }

    /**
     * Your name as people know it. On the first start (none kept yet) {@code firstStart} proposes
     * it, and it is kept in this file from then on.
     */
    public String yourName(java.util.function.Supplier<String> firstStart) {
        String kept = values.getProperty("yourName");
        if (kept != null) {
            return kept;
        }
        String proposed = firstStart.get().strip();
        setYourName(proposed);
        return proposed;
    }

    /** Your name when one is kept (the desktop app has started once), without proposing one. */
    public java.util.Optional<String> keptYourName() {
        return java.util.Optional.ofNullable(values.getProperty("yourName")).filter(n -> !n.isBlank());
    }

    public void setYourName(String name) {
        values.setProperty("yourName", name.strip());
        save();
    }

    @Override
    public java.util.List<String> recentFiles() {
        java.util.List<String> files = new java.util.ArrayList<>();
        for (int i = 0; values.getProperty("recent." + i) != null; i++) {
            files.add(values.getProperty("recent." + i));
        }
        return files;
    }

    @Override
    public void setRecentFiles(java.util.List<String> files) {
        values.stringPropertyNames().stream()
                .filter(k -> k.startsWith("recent."))
                .toList()
                .forEach(values::remove);
        for (int i = 0; i < files.size(); i++) {
            values.setProperty("recent." + i, files.get(i));
        }
        save();
    }

    @Override
    public @org.jspecify.annotations.Nullable String lastFolder() {
        return values.getProperty("lastFolder");
    }

    @Override
    public void setLastFolder(String folder) {
        values.setProperty("lastFolder", folder);
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "Faultline app preferences");
            }
            Files.move(
                    tmp,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("could not save the app preferences to {}", file, e);
        }
    }
}
