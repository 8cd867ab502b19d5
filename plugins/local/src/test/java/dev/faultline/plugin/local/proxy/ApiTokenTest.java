package dev.faultline.plugin.local.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API token's file and the warning for an API reachable from other machines. */
class ApiTokenTest {
    @TempDir
    Path dir;

    private Path file(String text, String mode) throws IOException {
        Path f = dir.resolve("token");
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    @Test
    void aPrivateFileWithALongTokenIsReadAndTheTokenNeverPrinted() throws Exception {
        ApiToken t = ApiToken.readFile(file("0123456789abcdef0123\n", "rw-------"));
        assertThat(t.accepts("Bearer 0123456789abcdef0123")).isTrue();
        assertThat(t.accepts("Bearer 0123456789abcdef012")).isFalse();
        assertThat(t.accepts(null)).isFalse();
        assertThat(t).hasToString("****");
    }

    @Test
    void aFileOthersCanReadOrAShortTokenIsRefusedWithWhatToDo() throws Exception {
        assertThatThrownBy(() -> ApiToken.readFile(file("0123456789abcdef0123", "rw-r--r--")))
                .hasMessageEndingWith("can be read by other users; chmod 600 it");
        assertThatThrownBy(() -> ApiToken.readFile(file("short", "rw-------")))
                .hasMessageContaining("holds a token of 5 characters; use at least 16");
        assertThatThrownBy(() -> ApiToken.readFile(dir.resolve("missing")))
                .hasMessageContaining("cannot read the token file");
    }

    @Test
    void onlyAnApiOffLoopbackIsWarnedAbout() {
        assertThat(ApiExposure.warning("127.0.0.1", "127.0.0.1:8474", false)).isNull();
        assertThat(ApiExposure.warning("::1", "[::1]:8474", false)).isNull();
        assertThat(ApiExposure.warning("localhost", "localhost:8474", false)).isNull();
        assertThat(ApiExposure.warning("0.0.0.0", "0.0.0.0:8474", false))
                .startsWith("WARNING:")
                .contains("WITHOUT authentication")
                .contains("--host 127.0.0.1")
                .contains("--token-file");
        assertThat(ApiExposure.warning("::", "[::]:8474", true))
                .startsWith("WARNING:")
                .contains("[::]:8474")
                .contains("if they have the token");
    }
}
