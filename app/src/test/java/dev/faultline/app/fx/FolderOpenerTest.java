package dev.faultline.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderOpenerTest {
    @TempDir
    Path home;

    @Test
    void reportsAreOfferedInDocumentsWhenTheUserHasOneElseInTheHomeFolder() throws Exception {
        assertThat(FolderOpener.documents(home)).isEqualTo(home);
        Files.createDirectory(home.resolve("Documents"));
        assertThat(FolderOpener.documents(home)).isEqualTo(home.resolve("Documents"));
    }

    @Test
    void theFileManagerOfEachSystemIsAskedToShowTheFolder() {
        Path f = home.resolve("reports");
        assertThat(FolderOpener.command("Linux", f)).containsExactly("xdg-open", f.toString());
        assertThat(FolderOpener.command("Mac OS X", f)).containsExactly("open", f.toString());
        assertThat(FolderOpener.command("Windows 11", f)).containsExactly("explorer.exe", f.toString());
    }
}
