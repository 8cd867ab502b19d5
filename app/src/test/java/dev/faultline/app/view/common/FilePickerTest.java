package dev.faultline.app.view.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.stage.FileChooser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Import shows the JSON files of other tools, not only runbooks. */
class FilePickerTest {
    @Test
    void theImportDialogListsJsonAndYamlExperimentsAndThenAnyFile(@TempDir Path folder) {
        FileChooser fc = FilePicker.foreignChooser("Import", folder);
        assertThat(fc.getExtensionFilters())
                .extracting(FileChooser.ExtensionFilter::getExtensions)
                .containsExactly(java.util.List.of("*.json", "*.yaml", "*.yml"), java.util.List.of("*"));
        assertThat(fc.getInitialDirectory()).isEqualTo(folder.toFile());
    }
}
