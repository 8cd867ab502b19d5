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
}
