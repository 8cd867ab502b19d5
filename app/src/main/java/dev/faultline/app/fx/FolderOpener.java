package dev.faultline.app.fx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The user's documents folder, and a folder shown in the desktop's file manager (xdg-open, open, explorer). */
public final class FolderOpener {
    private FolderOpener() {}

    /** {@code home}/Documents when it exists (the XDG and macOS default), else {@code home}. */
    public static Path documents(Path home) {
        Path docs = home.resolve("Documents");
        return Files.isDirectory(docs) ? docs : home;
    }

    /** The command that shows {@code folder} on the system called {@code os} (the os.name property). */
    public static List<String> command(String os, Path folder) {
        String o = os.toLowerCase(Locale.ROOT);
        String f = folder.toAbsolutePath().toString();
        if (o.startsWith("windows")) {
            return List.of("explorer.exe", f);
        }
        if (o.startsWith("mac")) {
            return List.of("open", f);
        }
        return List.of("xdg-open", f);
    }

    /** Starts the file manager on {@code folder}; does not wait for it. */
    static void open(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " is not a folder any more");
        }
        try {
            new ProcessBuilder(command(System.getProperty("os.name", ""), folder))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IOException(
                    "no file manager could be started (" + e.getMessage() + "); the report is in " + folder, e);
        }
    }
}
