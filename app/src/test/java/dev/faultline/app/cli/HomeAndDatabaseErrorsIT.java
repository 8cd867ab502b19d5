package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code $FAULTLINE_HOME} and its database as a user meets them from the command line, in a
 * Faultline process of its own: a home left open by an earlier version is made private at start; a
 * damaged database, a home of another user and a file left by {@code sudo} each give one line that
 * says what is wrong and what to do, never a stack trace.
 */
@ForkSandbox.Indifferent
class HomeAndDatabaseErrorsIT {
    @TempDir
    Path home;

    private record Ended(int exit, String output) {
        List<String> lines() {
            return output.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private Ended faultline(String... args) throws Exception {
        try (ChildFaultline child = ChildFaultline.start(home, args)) {
            assertThat(child.process.waitFor(90, TimeUnit.SECONDS))
                    .as("faultline %s ends", List.of(args))
                    .isTrue();
            return new Ended(child.process.exitValue(), child.output());
        }
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static UserPrincipal nobody(Path p) throws Exception {
        return p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    }

    @Test
    void aHomeLeftOpenByAnEarlierVersionIsMadePrivateAtStart() throws Exception {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path journal = Files.createDirectories(home.resolve("journal"));
        Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(journal.resolve("faults.jsonl"), "");
        Files.setPosixFilePermissions(journal.resolve("faults.jsonl"), PosixFilePermissions.fromString("rw-r--r--"));

        Ended runs = faultline("runs");

        assertThat(runs.exit()).as(runs.output()).isZero();
        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(journal)).isEqualTo("rwx------");
        assertThat(mode(journal.resolve("faults.jsonl"))).isEqualTo("rw-------");
        assertThat(mode(home.resolve("logs"))).isEqualTo("rwx------");
        for (String f : List.of("faultline.mv.db", "faultline.secret", "logs/faultline.log")) {
            assertThat(mode(home.resolve(f))).as(f).isEqualTo("rw-------");
        }
    }

    @Test
    void aDamagedDatabaseIsOneLineThatSaysWhatToDo() throws Exception {
        Files.writeString(home.resolve("faultline.mv.db"), "this is not a database");

        Ended runs = faultline("runs");

        assertThat(runs.exit()).isEqualTo(3);
        assertThat(runs.lines()).as(runs.output()).hasSize(1);
        assertThat(runs.lines().get(0))
                .startsWith("faultline: ")
                .contains(home.resolve("faultline.mv.db").toString())
                .contains("damaged")
                .contains("move it aside")
                .contains("your past runs");
    }

    @Test
    void aHomeOfAnotherUserIsRefusedInOneLine() throws Exception {
        assumeThat(System.getProperty("user.name"))
                .as("only root can give a folder away")
                .isEqualTo("root");
        Files.setOwner(home, nobody(home));

        Ended runs = faultline("runs");

        assertThat(runs.exit()).isEqualTo(3);
        assertThat(runs.lines()).as(runs.output()).hasSize(1);
        assertThat(runs.lines().get(0))
                .startsWith("faultline: ")
                .contains(home.toString())
                .contains("belongs to nobody, not to you (root)")
                .contains("set FAULTLINE_HOME");
        assertThat(home.resolve("faultline.mv.db")).doesNotExist();
    }

    @Test
    void aDatabaseLeftByAnotherUserIsNamedWithHowToGiveItBack() throws Exception {
        assumeThat(System.getProperty("user.name"))
                .as("only root can give a file away")
                .isEqualTo("root");
        Ended first = faultline("runs");
        assertThat(first.exit()).as(first.output()).isZero();
        Files.setOwner(home.resolve("faultline.mv.db"), nobody(home));

        Ended runs = faultline("runs");

        assertThat(runs.exit()).isEqualTo(3);
        assertThat(runs.lines()).as(runs.output()).hasSize(1);
        assertThat(runs.lines().get(0))
                .startsWith("faultline: ")
                .contains(home.resolve("faultline.mv.db").toString())
                .contains("belongs to nobody")
                .contains("chown -R root " + home);
    }
}
