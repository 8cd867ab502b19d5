package dev.faultline.app.view.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.BuildInfo;
import org.junit.jupiter.api.Test;

/** The About dialog names the same version and commit as {@code faultline --version}. */
class AboutDialogTest {
    @Test
    void aboutStartsWithTheVersionLineOfTheCommandLine() {
        BuildInfo build = BuildInfo.of("0.1.0", "1a2b3c4d5e6f");
        assertThat(AboutDialog.text(build))
                .startsWith("Faultline 0.1.0 (commit 1a2b3c4d5e6f)\n")
                .contains("Java " + System.getProperty("java.version"));
    }
}
