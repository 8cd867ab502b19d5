package dev.faultline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which archive a sandbox service maps: one per service and per set of jars, so that a rebuilt or
 * upgraded jar gets a new archive (the JVM refuses one of other jars but would not write a new one),
 * and the archives of earlier jars go.
 */
class ClassArchiveTest {
    @TempDir
    Path dir;

    private static String archive(List<String> options) {
        return options.stream()
                .filter(o -> o.startsWith("-XX:SharedArchiveFile="))
                .findFirst()
                .orElseThrow()
                .substring("-XX:SharedArchiveFile=".length());
    }

    @Test
    void aChangedJarGetsANewArchiveAndTheOldOneGoes() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cds"));
        Path a = Files.writeString(dir.resolve("a.jar"), "a");
        Path b = Files.writeString(dir.resolve("b.jar"), "b");
        String jars = a + File.pathSeparator + b;

        String first = archive(ClassArchive.options(folder, "sandbox-order", jars));
        assertThat(archive(ClassArchive.options(folder, "sandbox-order", jars)))
                .as("same jars, same archive")
                .isEqualTo(first);
        assertThat(Path.of(first).getParent()).isEqualTo(folder);
        assertThat(Path.of(first).getFileName().toString())
                .startsWith("sandbox-order-")
                .endsWith(".jsa");
        Files.writeString(Path.of(first), "an archive the JVM wrote");
        Path otherService =
                Files.writeString(Path.of(archive(ClassArchive.options(folder, "sandbox-payment", jars))), "payment's");

        Files.setLastModifiedTime(b, FileTime.from(Instant.now().plusSeconds(60)));
        String second = archive(ClassArchive.options(folder, "sandbox-order", jars));

        assertThat(second).isNotEqualTo(first);
        assertThat(Path.of(first)).as("the archive of the old jars").doesNotExist();
        assertThat(otherService).as("another service's archive").exists();
    }

    @Test
    void theSandboxClassesInAFolderGetNoArchive() {
        // in this module's tests the sandbox classes are target/classes: nothing to archive
        assertThat(ClassArchive.jarsOnly(System.getProperty("java.class.path"))).isEmpty();
    }
}
