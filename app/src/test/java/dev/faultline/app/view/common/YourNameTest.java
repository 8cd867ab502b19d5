package dev.faultline.app.view.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Your name: proposed from the OS account on the first start, kept in the app's settings file after. */
class YourNameTest {
    @TempDir
    Path dir;

    private Path passwd() throws Exception {
        return Files.writeString(dir.resolve("passwd"), """
                root:x:0:0:root:/root:/bin/bash
                ada:x:1000:1000:Ada Lovelace,,,:/home/ada:/bin/bash
                ci:x:1001:1001::/home/ci:/bin/sh
                """);
    }

    @Test
    void theAccountsFullNameIsProposedWhenItHasOne() throws Exception {
        assertThat(YourName.firstStart("ada", passwd())).isEqualTo("Ada Lovelace");
    }

    @Test
    void withoutAFullNameOrAnAccountDatabaseTheUserNameIsProposed() throws Exception {
        assertThat(YourName.firstStart("ci", passwd())).isEqualTo("ci");
        assertThat(YourName.firstStart("nobody", passwd())).isEqualTo("nobody");
        assertThat(YourName.firstStart("ada", dir.resolve("no-such-file"))).isEqualTo("ada");
    }

    @Test
    void theNameProposedOnTheFirstStartIsKeptInTheSettingsFileAndAChangeOutlivesARestart() throws Exception {
        Path file = dir.resolve("app.properties");
        AppPreferences first = new AppPreferences(file);
        assertThat(first.keptYourName()).as("the command line proposes none").isEmpty();
        assertThat(first.yourName(() -> "Ada Lovelace")).isEqualTo("Ada Lovelace");
        assertThat(new AppPreferences(file).keptYourName()).hasValue("Ada Lovelace");
        assertThat(Files.readString(file)).contains("yourName=Ada Lovelace");
        // a later start keeps it: the proposal is not asked for again
        assertThat(new AppPreferences(file).yourName(() -> "root")).isEqualTo("Ada Lovelace");

        new AppPreferences(file).setYourName("  Grace Hopper ");

        assertThat(new AppPreferences(file).yourName(() -> "root")).isEqualTo("Grace Hopper");
    }

    @Test
    void aBlankNameIsWrittenAsTheUserName() {
        assertThat(YourName.orAccount("  ")).isEqualTo(System.getProperty("user.name"));
        assertThat(YourName.orAccount(" Ada ")).isEqualTo("Ada");
    }
}
