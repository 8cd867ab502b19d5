package dev.faultline.engine.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The halt rendezvous is used only when it is a private directory of this user. */
class HaltRendezvousTest {
    @TempDir
    Path tmp;

    @Test
    void isMadePrivateToItsUser() throws Exception {
        HaltRendezvous r = new HaltRendezvous(tmp.resolve("rv"));
        r.ensurePrivate();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(r.dir())))
                .isEqualTo("rwx------");
        assertThat(r.peers()).isEmpty();
    }

    @Test
    void refusesADirectoryOthersMayEnter() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("rv"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> new HaltRendezvous(dir).ensurePrivate())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("open to others")
                .hasMessageContaining("chmod 700");
    }

    @Test
    void neverFollowsALink() throws Exception {
        Path real = Files.createDirectory(
                tmp.resolve("elsewhere"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path link = Files.createSymbolicLink(tmp.resolve("rv"), real);
        assertThatThrownBy(() -> new HaltRendezvous(link).peers())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a directory (a link or a file)");
    }

    @Test
    void refusesADirectoryOfAnotherUser() throws Exception {
        Path dir = Files.createDirectory(
                tmp.resolve("rv"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        UserPrincipal nobody;
        try {
            nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(dir, nobody);
        } catch (IOException e) {
            assumeTrue(false, "cannot give a directory to another user here (needs root)");
            return;
        }
        assertThatThrownBy(() -> new HaltRendezvous(dir).ensurePrivate())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("belongs to nobody");
    }

    @Test
    void forgetsTheSocketsOfProcessesThatAreGone() throws Exception {
        HaltRendezvous r = new HaltRendezvous(tmp.resolve("rv"));
        r.ensurePrivate();
        Path stale = Files.createFile(r.dir().resolve("2147483646-1000.sock"));
        Files.writeString(r.dir().resolve("2147483646-1000.home"), "/somewhere\n");
        assertThat(r.peers()).isEmpty();
        assertThat(stale).doesNotExist();
        assertThat(r.dir().resolve("2147483646-1000.home")).doesNotExist();
    }

    @Test
    void namesTheRendezvousByTheUsersIdUnlessTold() {
        assertThat(HaltRendezvous.resolve(java.util.Map.of()).dir().toString()).matches("/tmp/faultline-\\d+");
        assertThat(HaltRendezvous.resolve(java.util.Map.of("FAULTLINE_RUNTIME_DIR", "/run/x"))
                        .dir())
                .isEqualTo(Path.of("/run/x"));
    }
}
