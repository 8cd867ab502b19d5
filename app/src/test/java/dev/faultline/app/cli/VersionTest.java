package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.BuildInfo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline --version}: the version and the commit the program was built from. */
class VersionTest {
    @TempDir
    Path home;

    @Test
    void versionNamesTheReleaseAndTheCommitItWasBuiltFrom() {
        Cli version = Cli.run(home, "--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out().strip())
                .matches("Faultline \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{7,40}(-modified)?|unknown)\\)")
                .isEqualTo(BuildInfo.current().line());
    }

    @Test
    void aBuildWithoutACommitSaysUnknownRatherThanAPlaceholder() {
        BuildInfo info = BuildInfo.of("0.1.0-SNAPSHOT", "${faultline.commit}");
        assertThat(info.commit()).isEqualTo("unknown");
        assertThat(info.line()).isEqualTo("Faultline 0.1.0-SNAPSHOT (commit unknown)");
        assertThat(BuildInfo.of("0.1.0", " 1a2b3c4d5e6f \n").line()).isEqualTo("Faultline 0.1.0 (commit 1a2b3c4d5e6f)");
    }
}
