package dev.faultline.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.engine.spi.SecretRef;
import org.junit.jupiter.api.Test;

class SharedStoreSettingsTest {
    private static final SecretRef PW = new SecretRef("env:FAULTLINE_STORE_PASSWORD");

    @Test
    void aServerOnAnotherHostIsReachedOverTlsWithItsCertificateAndNameChecked() {
        SharedStoreSettings s = new SharedStoreSettings("jdbc:postgresql://db.example.com/faultline", "alice", PW);
        assertThat(s.sslMode()).isEqualTo("verify-full");
        assertThat(s.verifiesServer()).isTrue();
        assertThat(s.driverUrl()).contains("sslmode=verify-full").startsWith(s.url() + "?");
        assertThat(s.port()).isEqualTo(5432);
        assertThat(s.database()).isEqualTo("faultline");
        assertThat(s.describe()).isEqualTo("the shared store db.example.com:5432/faultline");
    }

    @Test
    void theLoopbackNeedsNoTlsAndAUrlsOwnSslmodeIsKept() {
        for (String host : new String[] {"127.0.0.1", "localhost", "[::1]", "127.0.0.2"}) {
            SharedStoreSettings s = new SharedStoreSettings("jdbc:postgresql://" + host + ":6543/f", "alice", PW);
            assertThat(s.loopback()).as(host).isTrue();
            assertThat(s.driverUrl()).as(host).doesNotContain("sslmode");
        }
        SharedStoreSettings own =
                new SharedStoreSettings("jdbc:postgresql://10.0.0.5/f?sslmode=require&sslrootcert=/ca.crt", "a", PW);
        assertThat(own.sslMode()).isEqualTo("require");
        assertThat(own.verifiesServer()).isFalse();
        assertThat(own.driverUrl())
                .contains("?sslmode=require&sslrootcert=/ca.crt&")
                .doesNotContain("verify-full");
    }

    @Test
    void aPasswordIsNeverGivenInClear() {
        assertThatThrownBy(() -> new SharedStoreSettings("jdbc:postgresql://db/f?password=hunter2", "a", PW))
                .hasMessageContaining("holds a password")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new SharedStoreSettings("jdbc:postgresql://db/f", "a", new SecretRef("hunter2")))
                .hasMessageContaining("reference");
        assertThatThrownBy(() -> new SharedStoreSettings("jdbc:postgresql://db/f", "a", new SecretRef("kubeconfig")))
                .hasMessageContaining("env:NAME");
    }

    @Test
    void anAddressThatIsNotPostgresOrNamesNoDatabaseSaysSo() {
        assertThatThrownBy(() -> new SharedStoreSettings("jdbc:h2:file:/tmp/x", "a", PW))
                .hasMessageContaining("must start with jdbc:postgresql://");
        assertThatThrownBy(() -> new SharedStoreSettings("jdbc:postgresql://db.example.com/", "a", PW))
                .hasMessageContaining("names no database");
        assertThatThrownBy(() -> new SharedStoreSettings("jdbc:postgresql://db/f", " ", PW))
                .hasMessageContaining("user is empty");
    }
}
