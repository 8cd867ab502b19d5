package dev.faultline.app.view.common;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * The file dialogs, always started in a folder the caller chose (the user's, never the
 * installation's). The system's dialog in the app; UI tests answer in its place, since no robot can
 * drive a native dialog.
 */
public interface FilePicker {

    /** Asks for a runbook to open, starting in {@code folder}. */
    Optional<Path> open(Window owner, String title, Path folder);

    /**
     * Asks for a file of another tool to import, starting in {@code folder}: JSON or YAML, since an
     * import recognises the format from the content (a Chaos Toolkit experiment or a Toxiproxy
     * configuration is often {@code .json}).
     */
    default Optional<Path> openForeign(Window owner, String title, Path folder) {
        return open(owner, title, folder);
    }

    /** Asks where to save, starting in {@code folder} with {@code name}. */
    Optional<Path> save(Window owner, String title, Path folder, String name);

    /** The system's file dialogs. */
    static FilePicker system() {
        return new FilePicker() {
            @Override
            public Optional<Path> open(Window owner, String title, Path folder) {
                javafx.stage.FileChooser fc = chooser(title, folder);
                return Optional.ofNullable(fc.showOpenDialog(owner)).map(java.io.File::toPath);
            }

            @Override
            public Optional<Path> openForeign(Window owner, String title, Path folder) {
                return Optional.ofNullable(foreignChooser(title, folder).showOpenDialog(owner))
                        .map(java.io.File::toPath);
            }

            @Override
            public Optional<Path> save(Window owner, String title, Path folder, String name) {
                javafx.stage.FileChooser fc = chooser(title, folder);
                fc.setInitialFileName(name);
                return Optional.ofNullable(fc.showSaveDialog(owner)).map(java.io.File::toPath);
            }

            private javafx.stage.FileChooser chooser(String title, Path folder) {
                javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
                fc.setTitle(title);
                fc.setInitialDirectory(folder.toFile());
                fc.getExtensionFilters()
                        .add(new javafx.stage.FileChooser.ExtensionFilter("Runbooks", "*.yaml", "*.yml"));
                return fc;
            }
        };
    }

    /**
     * The dialog of File → Import: experiments of other tools (JSON and YAML) first, then any file,
     * never only runbooks.
     */
    static javafx.stage.FileChooser foreignChooser(String title, Path folder) {
        javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
        fc.setTitle(title);
        fc.setInitialDirectory(folder.toFile());
        fc.getExtensionFilters()
                .addAll(
                        new javafx.stage.FileChooser.ExtensionFilter(
                                "Experiments of other tools (JSON, YAML)", "*.json", "*.yaml", "*.yml"),
                        new javafx.stage.FileChooser.ExtensionFilter("All files", "*"));
        return fc;
    }
}
