package dev.faultline.engine.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FaultlineHome#makePrivate()} on real folders: 0700 and 0600 as a umask of 077 would make them. */
class PrivateHomeTest {
    @TempDir
    Path tmp;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static void chmod(Path p, String mode) throws Exception {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    @Test
    void aMissingHomeIsMadeForTheUserAlone() throws Exception {
        Path home = tmp.resolve("a/b/faultline");
        new FaultlineHome(home).makePrivate();
        assertThat(mode(home)).isEqualTo("rwx------");
    }

    @Test
    void anOpenHomeIsClosedToOthersAndExecutablesStayExecutable() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path sandbox = Files.createDirectories(home.resolve("sandbox"));
        Path pid = Files.writeString(sandbox.resolve("payment.pid"), "1");
        Path script = Files.writeString(sandbox.resolve("start.sh"), "#!/bin/sh\n");
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "not Faultline's");
        Files.createSymbolicLink(home.resolve("link"), outside);
        chmod(home, "rwxr-xr-x");
        chmod(sandbox, "rwxrwxrwx");
        chmod(pid, "rw-r--r--");
        chmod(script, "rwxr-xr-x");
        chmod(outside, "rw-r--r--");

        assertThat(new FaultlineHome(home).makePrivate()).as("warnings").isEmpty();

        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(sandbox)).isEqualTo("rwx------");
        assertThat(mode(pid)).isEqualTo("rw-------");
        assertThat(mode(script)).isEqualTo("rwx------");
        assertThat(mode(outside)).as("a link is not followed").isEqualTo("rw-r--r--");
    }

    @Test
    void aFileInsteadOfAFolderIsNamed() throws Exception {
        Path file = Files.writeString(tmp.resolve("home"), "x");
        assertThatThrownBy(() -> new FaultlineHome(file).makePrivate())
                .isInstanceOf(HomeException.class)
                .hasMessage(
                        "FAULTLINE_HOME " + file + " is a file, not a folder: set FAULTLINE_HOME to a folder of your"
                                + " own (Faultline makes it if missing)");
    }

    @Test
    void aHomeOfAnotherUserIsRefused() throws Exception {
        assumeThat(System.getProperty("user.name"))
                .as("only root can give a folder away")
                .isEqualTo("root");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.setOwner(
                home, home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        assertThatThrownBy(() -> new FaultlineHome(home).makePrivate())
                .isInstanceOf(HomeException.class)
                .hasMessageStartingWith("FAULTLINE_HOME " + home + " belongs to nobody, not to you (root)")
                .hasMessageContaining("set FAULTLINE_HOME to one");
    }
}
