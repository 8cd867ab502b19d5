package dev.faultline.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaCommandTest {
    @TempDir
    Path runtime;

    @Test
    void theRuntimesOwnJavaComesBeforeTheProcesssExecutable() throws Exception {
        Path java = Files.createDirectories(runtime.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(JavaCommand.of(runtime, "Linux")).isEqualTo(java.toString());
    }

    @Test
    void onWindowsTheRuntimesJavaIsJavaExe() throws Exception {
        Path java = Files.createDirectories(runtime.resolve("bin")).resolve("java.exe");
        Files.writeString(java, "MZ");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(JavaCommand.of(runtime, "Windows 11")).isEqualTo(java.toString());
    }

    @Test
    void aRuntimeWithoutBinJavaFallsBackToTheRunningExecutable() {
        assertThat(JavaCommand.of(runtime, "Linux"))
                .isEqualTo(ProcessHandle.current().info().command().orElseThrow());
    }

    @Test
    void thisRuntimesJavaIsAnExecutableFile() {
        assertThat(Path.of(JavaCommand.ofThisRuntime())).isExecutable();
    }
}
