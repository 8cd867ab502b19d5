package dev.faultline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.testkit.PostgresCluster.TestDatabase;
import dev.faultline.engine.testkit.ThrowawayPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline store}: set a shared store, test it, see it used, go back to the local database. */
@ExtendWith(ThrowawayPostgres.class)
@ForkSandbox.Indifferent
class StoreCommandIT {
    @TempDir
    Path home;

    @TempDir
    Path secrets;

    @Test
    void aDesktopIsPointedAtTheSharedStoreTestedAndPointedBack(TestDatabase db) throws Exception {
        Path pw = secrets.resolve("pw");
        Files.writeString(pw, db.password());
        Files.writeString(secrets.resolve("wrong"), "not-it");

        Cli refused = Cli.run(
                home,
                "store",
                "use",
                "--url",
                db.url(),
                "--user",
                db.user(),
                "--password",
                "file:" + secrets.resolve("wrong"));
        assertThat(refused.exit()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(refused.err().strip())
                .startsWith("faultline: authentication failed:")
                .doesNotContain("not-it");
        assertThat(refused.err().strip().lines()).hasSize(1);
        assertThat(Files.exists(home.resolve("store.properties"))).isFalse();

        Cli clear = Cli.run(home, "store", "use", "--url", db.url(), "--user", db.user(), "--password", db.password());
        assertThat(clear.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(clear.err()).contains("reference, never in clear").doesNotContain(db.password());

        Cli use = Cli.run(home, "store", "use", "--url", db.url(), "--user", db.user(), "--password", "file:" + pw);
        assertThat(use.exit()).as(use.err()).isZero();
        assertThat(use.out()).contains("connected to the shared store 127.0.0.1:" + db.port(), "this desktop now uses");
        assertThat(Files.readString(home.resolve("store.properties")))
                .contains("password=file\\:" + pw)
                .doesNotContain(db.password());

        Cli test = Cli.run(home, "store", "test");
        assertThat(test.exit()).isZero();
        assertThat(test.out()).contains("no Faultline tables yet");

        try (FaultlineStore store = FaultlineStore.open(new FaultlineHome(home))) {
            assertThat(store.shared()).isTrue();
            assertThat(store.describe()).isEqualTo("the shared store 127.0.0.1:" + db.port() + "/" + db.name());
        }
        assertThat(Cli.run(home, "store", "show").out()).contains("shared store " + db.url(), "file:" + pw);
        assertThat(Cli.run(home, "runs").exit()).isZero();

        Cli local = Cli.run(home, "store", "local");
        assertThat(local.exit()).isZero();
        assertThat(Cli.run(home, "store", "show").out()).startsWith("local database");
    }
}
