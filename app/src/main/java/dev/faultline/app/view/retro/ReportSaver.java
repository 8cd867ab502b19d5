package dev.faultline.app.view.retro;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks where a report goes, starting from the proposed file (the user's folder, a name with the
 * GameDay and its day). The system's save dialog in the app; UI tests answer in its place, since no
 * robot can drive a native dialog.
 */
@FunctionalInterface
public interface ReportSaver {
    Optional<Path> ask(Window owner, String format, Path proposed);

    static ReportSaver system() {
        return (owner, format, proposed) -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Export the " + format.toUpperCase(Locale.ROOT) + " report");
            Path folder = proposed.getParent();
            if (folder != null && folder.toFile().isDirectory()) {
                fc.setInitialDirectory(folder.toFile());
            }
            fc.setInitialFileName(String.valueOf(proposed.getFileName()));
            fc.getExtensionFilters()
                    .add(new FileChooser.ExtensionFilter(format.toUpperCase(Locale.ROOT) + " report", "*." + format));
            return Optional.ofNullable(fc.showSaveDialog(owner)).map(java.io.File::toPath);
        };
    }
}
