package dev.faultline.app.view.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.view.common.InPlace;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.store.StoreSettingsFile;
import dev.faultline.engine.testkit.PostgresCluster.TestDatabase;
import dev.faultline.engine.testkit.ThrowawayPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Settings screen's shared-store form against a real server: test, save, load, back to local. */
@ExtendWith(ThrowawayPostgres.class)
class SharedStoreFormIT {
    @TempDir
    Path home;

    @Test
    void theFormTestsSavesAndLoadsTheSharedStore(TestDatabase db) throws Exception {
        Path pw = home.resolve("pw");
        Files.writeString(pw, db.password());
        SharedStoreForm form = new SharedStoreForm(new FaultlineHome(home), new InPlace());
        form.urlProperty().set(db.url());
        form.userProperty().set(db.user());
        form.passwordProperty().set(db.password());
        form.test();
        assertThat(form.resultProperty().get()).startsWith("password: a credential is given as a reference");
        form.save();
        assertThat(Files.exists(home.resolve("store.properties"))).isFalse();

        form.passwordProperty().set("file:" + pw);
        assertThat(form.tlsProperty().get()).isEqualTo("TLS: not required on this machine's loopback");
        form.test();
        assertThat(form.resultProperty().get()).startsWith("connected to the shared store 127.0.0.1:" + db.port());
        assertThat(form.testingProperty().get()).isFalse();
        form.save();
        assertThat(form.resultProperty().get()).contains("from its next start");
        assertThat(StoreSettingsFile.of(new FaultlineHome(home)).read()).isPresent();

        SharedStoreForm again = new SharedStoreForm(new FaultlineHome(home), new InPlace());
        again.load();
        assertThat(again.urlProperty().get()).isEqualTo(db.url());
        assertThat(again.passwordProperty().get()).isEqualTo("file:" + pw);

        again.urlProperty().set("jdbc:postgresql://db.example.com/faultline");
        assertThat(again.tlsProperty().get()).contains("sslmode=verify-full");
        again.useLocal();
        assertThat(Files.exists(home.resolve("store.properties"))).isFalse();
    }
}
